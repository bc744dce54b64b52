"""The challenge's data: shard format, hub download, tokenizer/shard export, offline sample.

data/ imports nothing from eval/ or scripts/ (see shared design map).
"""
