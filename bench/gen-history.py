#!/usr/bin/env python3
"""Generates a git repository with a long, DL-flavoured history for benchmarking label-repo.

Usage: bench/gen-history.py DIR [COMMITS]   (default 10000 commits; DIR must not exist)

The history is deterministic (fixed seed and dates) and built with `git fast-import`, so
10,000 commits take seconds. About a third of the messages say they fix something; files are
Python modules importing tensorflow, keras or torch, plus a README and a binary blob; every
250th commit merges a side branch, and a few commits rename a module.
"""
import os
import random
import subprocess
import sys

LIBS = ["import tensorflow as tf", "from keras.layers import Dense", "import torch"]
FIXES = ["Fix shape mismatch in {f}", "fix NaN loss in {f}", "Fix crash when batch is empty ({f})",
         "Resolve wrong dtype in {f}", "fix: learning rate too high in {f}", "Fix memory leak in {f}"]
OTHERS = ["Add option to {f}", "Refactor {f}", "Update docs for {f}", "Tune defaults of {f}", "Clean up {f}"]


def module(rng, path, lib, version):
    lines = [lib, "", f"# {path} v{version}"]
    for i in range(60):
        lines.append(f"value_{i} = {rng.randint(0, 10_000)}  # step {i}")
    return ("\n".join(lines) + "\n").encode()


def main():
    out, commits = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    # GEN_SEED gives another history of the same shape (bench/label-repos.sh makes many repositories).
    rng = random.Random(int(os.environ.get("GEN_SEED", "7")))
    subprocess.run(["git", "init", "-q", "-b", "main", out], check=True)
    paths = [f"pkg{d}/mod{m}.py" for d in range(5) for m in range(8)]
    libs = {p: LIBS[i % 3] for i, p in enumerate(paths)}
    stream = []
    when = 1_600_000_000
    mark = 0
    main_tip = side_tip = None
    for n in range(commits):
        mark += 1
        when += 600
        on_side = n % 250 in range(240, 249) and n > 250
        branch = "side" if on_side else "main"
        touched = rng.sample(paths, rng.choice([1, 1, 2, 3]))
        f = touched[0]
        msg = (rng.choice(FIXES) if rng.random() < 0.35 else rng.choice(OTHERS)).format(f=f)
        stream.append(f"commit refs/heads/{branch}\nmark :{mark}\n"
                      f"author Bench <bench@example.org> {when} +0000\n"
                      f"committer Bench <bench@example.org> {when} +0000\n")
        data = msg.encode() + b"\n"
        stream.append(f"data {len(data)}\n".encode())
        stream.append(data)
        if on_side and side_tip is None:
            stream.append(f"from :{main_tip}\n")
        elif on_side:
            stream.append(f"from :{side_tip}\n")
        elif main_tip is not None:
            stream.append(f"from :{main_tip}\n")
            if side_tip is not None and n % 250 == 249:
                stream.append(f"merge :{side_tip}\n")
                side_tip = None
        for p in touched:
            body = module(rng, p, libs[p], n)
            stream.append(f"M 100644 inline {p}\ndata {len(body)}\n".encode())
            stream.append(body)
        if n % 97 == 0:
            readme = f"# bench repo\nrevision {n}\n".encode()
            stream.append(f"M 100644 inline README.md\ndata {len(readme)}\n".encode())
            stream.append(readme)
        if n % 501 == 0:
            blob = bytes(rng.randrange(256) for _ in range(512))
            stream.append(f"M 100644 inline weights.bin\ndata {len(blob)}\n".encode())
            stream.append(blob)
        if n % 1000 == 999:
            old = rng.choice(paths)
            new = old.replace(".py", f"_v{n}.py")
            stream.append(f"R {old} {new}\n")
            paths[paths.index(old)] = new
            libs[new] = libs.pop(old)
        stream.append(b"\n")
        if on_side:
            side_tip = mark
        else:
            main_tip = mark
    payload = b"".join(s if isinstance(s, bytes) else s.encode() for s in stream)
    subprocess.run(["git", "-C", out, "fast-import", "--quiet"], input=payload, check=True)
    subprocess.run(["git", "-C", out, "checkout", "-q", "main"], check=True)
    print(f"{out}: {commits} commits")


if __name__ == "__main__":
    main()
