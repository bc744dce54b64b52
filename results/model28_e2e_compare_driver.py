"""Tiny CPU runs (python results/model28_e2e_compare_driver.py OUT_DIR REF_TRAIN_GPT SETTING...; SETTING a key of
tests/test_rehearsal_runs.SETTINGS) of a reference train_gpt.py and this checkout's on the same data and settings
(40 steps, 4 warm-up steps, late QAT below lr scale 0.3): their logs diffed without timings and code bytes."""
import io, re, sys
from pathlib import Path
import numpy as np, sentencepiece as spm
sys.path.insert(0, ".")
from tests.conftest import make_documents, TINY_ENV
from tests.rehearsal import run_flagship, standin_env
from tests.test_rehearsal_runs import SETTINGS, RUN
from data.shards import write_shard
root = Path(sys.argv[1]); root.mkdir(parents=True, exist_ok=True)
docs = make_documents(400)
proto = io.BytesIO()
spm.SentencePieceTrainer.train(sentence_iterator=iter(docs), model_writer=proto, vocab_size=512, model_type="bpe",
    pad_id=0, bos_id=1, eos_id=2, unk_id=3, byte_fallback=True, character_coverage=1.0, num_threads=1, minloglevel=2)
tok = root / "tok.model"; tok.write_bytes(proto.getvalue())
sp = spm.SentencePieceProcessor(model_file=str(tok))
streams = [np.array([1] + sp.encode(d), dtype=np.int64) for d in docs]
val, train = np.concatenate(streams[:40]), np.concatenate(streams[40:])
data = root / "data"
write_shard(data / "fineweb_val_000000.bin", val)
write_shard(data / "fineweb_train_000000.bin", train[: len(train) // 2])
write_shard(data / "fineweb_train_000001.bin", train[len(train) // 2 :])
env0 = dict(TINY_ENV, DATA_PATH=str(data), TOKENIZER_PATH=str(tok), **RUN, WARMUP_STEPS="4",
            LATE_QAT_THRESHOLD="0.3")
drop = re.compile(r"(time|_ms|ms\b|code|bytes_total|run_id|path|elapsed|seconds|_s:|eval_s|secs|final_state)", re.I)
for name in sys.argv[3:]:
    logs = {}
    for who, script in (("main", sys.argv[2]), ("ours", "train_gpt.py")):
        run = run_flagship(root / name / who, standin_env({**env0, **SETTINGS[name]}), script=Path(script))
        logs[who] = [l for l in run.log.splitlines() if not drop.search(l)]
        (root / f"{name}_{who}.log").write_text(run.log)
    diff = [(a, b) for a, b in zip(logs["main"], logs["ours"]) if a != b]
    print(name, "lines:", len(logs["main"]), len(logs["ours"]), "differing:", len(diff))
    for a, b in diff[:10]:
        print("  main:", a, "\n  ours:", b)
