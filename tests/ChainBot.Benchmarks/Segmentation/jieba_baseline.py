#!/usr/bin/python3
"""Python jieba's throughput on the segmentation benchmark corpus: the baseline for SegmenterBenchmarks.

Times jieba.lcut(line, HMM=False) over every line of the same corpus SegmenterBenchmarks cuts (the parity
corpus, split on "\\n" only) and prints MB/s of UTF-8 input, MB = 10^6 bytes, as the benchmark's MB/s column
does. Run it with the system interpreter, which has Debian's python3-jieba:

    /usr/bin/python3 tests/ChainBot.Benchmarks/Segmentation/jieba_baseline.py [corpus.txt] [--seconds N]

Dictionary loading is done (jieba.initialize()) and one warm-up pass made before anything is timed.
"""
import argparse
import logging
import os
import statistics
import time

import jieba

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "ChainBot.Core.Tests", "Segmentation", "parity_corpus.txt"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    parser.add_argument("--seconds", type=float, default=5.0, help="time to spend on timed passes (at least 5 passes)")
    args = parser.parse_args()

    with open(args.corpus, encoding="utf-8", newline="") as f:
        text = f.read()
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    nbytes = sum(len(line.encode("utf-8")) for line in lines)

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    lcut = jieba.lcut

    def one_pass():
        tokens = 0
        for line in lines:
            tokens += len(lcut(line, HMM=False))
        return tokens

    tokens = one_pass()  # warm-up
    times = []
    deadline = time.perf_counter() + args.seconds
    while len(times) < 5 or time.perf_counter() < deadline:
        start = time.perf_counter()
        one_pass()
        times.append(time.perf_counter() - start)

    mean = statistics.mean(times)
    print(f"corpus: {args.corpus}")
    print(f"lines: {len(lines)}, UTF-8 bytes: {nbytes}, tokens per pass: {tokens}, passes: {len(times)}")
    print(f"jieba {jieba.__version__} lcut(HMM=False): mean {mean * 1e3:.2f} ms/pass, "
          f"median {statistics.median(times) * 1e3:.2f} ms, best {min(times) * 1e3:.2f} ms")
    print(f"MB/s (mean): {nbytes / 1e6 / mean:.3f}")
    print(f"MB/s (best): {nbytes / 1e6 / min(times):.3f}")


if __name__ == "__main__":
    main()
