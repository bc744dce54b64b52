"""torch._dynamo.explain of the flagship's train, late-QAT train and eval forwards: graphs and graph breaks."""
import sys, torch
sys.path.insert(0, ".")
from eval.loader import load_record_module
from tests.test_frontier import SMALL, SWITCHES
from tests.conftest import TINY_ENV
M = load_record_module(sys.argv[1] if len(sys.argv) > 1 else "train_gpt.py")
cfgs = {"tiny": dict(TINY_ENV), "frontier": {**SMALL, **SWITCHES["frontier"]}, "doc_mask": {**SMALL, **SWITCHES["doc_mask"]}}
for name, env in cfgs.items():
    hp = M.Hyperparameters.from_env(env)
    m = M.build_model(hp)
    ids = torch.randint(1, hp.vocab_size, (2, hp.train_seq_len))
    for mode in ("train", "train_qat", "eval"):
        m.train(mode != "eval")
        if mode == "train_qat":
            m.set_phase(m.looping, True)
        torch._dynamo.reset()
        fn = m if mode != "eval" else m.forward_logits
        args = (ids, ids) if mode != "eval" else (ids,)
        e = torch._dynamo.explain(fn)(*args)
        print(name, mode, "graphs:", e.graph_count, "breaks:", e.graph_break_count, flush=True)
        m.set_phase(m.looping, False)
