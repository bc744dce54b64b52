"""Bit identity of the model between a reference train_gpt.py (argv[1], e.g. `git show main:train_gpt.py`) and this
checkout's, fp32 CPU: logits, losses, weighted losses, every gradient (looping on/off, late QAT on/off),
GPTQ Hessians (collect_hessians) and DocLoRA logits and adapter gradients, on 11 model configurations."""
import sys, torch, itertools
sys.path.insert(0, ".")
from eval.loader import load_record_module
from tests.test_frontier import SMALL, SWITCHES
from tests.conftest import TINY_ENV

A = load_record_module(sys.argv[1])  # main
B = load_record_module("train_gpt.py")
CONFIGS = {"tiny": dict(TINY_ENV), **{k: {**SMALL, **v} for k, v in SWITCHES.items()},
           "combo": {**SMALL, "NUM_LAYERS": "5", "LOOP_START": "1", "LOOP_END": "2", "NUM_LOOPS": "1",
                     "SKIP_GATES": "1", "PARALLEL_START_LAYER": "3", "DOC_MASK": "1", "SMEAR_GATE": "input",
                     "SPARSE_ATTN_GATE": "1", "GATE_WINDOW": "12"},
           "nosmear": {**SMALL, "NUM_LAYERS": "3", "SMEAR_GATE": "off", "BIGRAM_VOCAB_SIZE": "0", "VE_LAYERS": ""},
           "frontier_par0": {**SMALL, **SWITCHES["frontier"], "PARALLEL_START_LAYER": "0"},
           }
n = 0
def same(a, b, what):
    global n
    n += 1
    if isinstance(a, dict):
        assert a.keys() == b.keys(), what
        for k in a:
            same(a[k], b[k], f"{what}[{k}]")
        n -= 1
        return
    assert torch.equal(a, b), f"{what}: max diff {(a - b).abs().max()}"

def build(M, env):
    hp = M.Hyperparameters.from_env(env)
    torch.manual_seed(0)
    m = M.build_model(hp)
    with torch.no_grad():
        for p in m.parameters():
            p.add_(0.05 * torch.randn_like(p))
    return hp, m

def qat(M, m, on):
    if hasattr(m, "set_phase"): m.set_phase(m.looping, on)
    else: m.qat = on

def loop(M, m, on):
    if hasattr(m, "set_phase"): m.set_phase(on, m.qat)
    else: m.looping = on

def grads(m, ids, tg):
    m.zero_grad(set_to_none=True)
    loss = m(ids, tg)
    loss.backward()
    return loss.detach(), {k: p.grad.clone() for k, p in m.named_parameters() if p.grad is not None}

for name, env in CONFIGS.items():
    (hpa, ma), (hpb, mb) = build(A, env), build(B, env)
    same(ma.state_dict(), mb.state_dict(), f"{name} init")
    V, T = hpa.vocab_size, hpa.train_seq_len
    g = torch.Generator().manual_seed(1)
    ids = torch.randint(1, V, (2, T), generator=g); ids[0, 0] = 1; ids[0, T // 2] = 1; ids[1, 5] = 1
    tg = torch.randint(1, V, (2, T), generator=g)
    for lp in ((False, True) if hpa.num_loops else (False,)):
        loop(A, ma, lp); loop(B, mb, lp)
        for q in (False, True):
            qat(A, ma, q); qat(B, mb, q)
            ma.train(); mb.train()
            la, ga = grads(ma, ids, tg); lb, gb = grads(mb, ids, tg)
            same(la, lb, f"{name} loop={lp} qat={q} loss"); same(ga, gb, f"{name} loop={lp} qat={q} grads")
            w = torch.rand(2, T, generator=g)
            same(ma(ids, tg, w).detach(), mb(ids, tg, w).detach(), f"{name} weighted")
            ma.eval(); mb.eval()
            if q:  # main: qat read in eval too unless the caller turns it off (evaluate_plain did); ours: training only
                qat(A, ma, False)
            with torch.no_grad():
                same(ma.forward_logits(ids), mb.forward_logits(ids), f"{name} loop={lp} qat={q} logits")
            qat(A, ma, q)
        qat(A, ma, False); qat(B, mb, False)
        ma.eval(); mb.eval()
        for M in (A, B):
            M.TokenStream = lambda files, _ids=ids: type("S", (), {"read": lambda self, a, n: _ids.flatten()[a:a + n].numpy()})()
        hg = {**env, "GPTQ_CALIB_SEQS": "2", "EVAL_BATCH_SEQS": "1"}
        ra = A.collect_hessians(ma, A.Hyperparameters.from_env(hg), A.Runtime(device=torch.device("cpu")))
        rb = B.collect_hessians(mb, B.Hyperparameters.from_env(hg), B.Runtime(device=torch.device("cpu")))
        same(ra, rb, f"{name} loop={lp} hessians")
        assert mb.hook is None
        hpl = {**env, "TTT_MODE": "lora_phased", "TTT_DOC_BATCH": "2", "TTT_LORA_RANK": "4", "TTT_DOC_CHUNK": "32"}
        for M, m, store in ((A, ma, []), (B, mb, [])):
            h = M.Hyperparameters.from_env(hpl)
            lora = M.DocLoRA(m, h, torch.Generator().manual_seed(3), torch.device("cpu"))
            with torch.no_grad():
                for k, (a, b) in sorted(lora.adapters.items()):
                    b.copy_(torch.randn(b.shape, generator=torch.Generator().manual_seed(hash(k) % 1000)))
            with lora:
                out = m.forward_logits(ids)
            out.sum().backward()
            store.append((out.detach(), {str(k): ab[0].grad.clone() for k, ab in lora.adapters.items()}))
            if M is A: sa = store
            else: sb = store
        same(sa[0][0], sb[0][0], f"{name} loop={lp} lora logits"); same(sa[0][1], sb[0][1], f"{name} lora grads")
    print(name, "ok")
print(f"all identical: {n} checks")
