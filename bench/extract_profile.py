"""Shares of a `winnow extract` profile by step.

Reads `perf script -F comm,tid,time,ip,sym,dso` output; each sample of the winnow process goes to
the first step its stack matches, in the order below (a gzip frame under a parse frame is gzip).
"""
import collections
import re
import sys

STEPS = [
    ("garbage collector threads", lambda comm, stack, leaf: comm.startswith(".NET Server GC")),
    ("process start (before Main)", lambda comm, stack, leaf: "Program__Main" not in stack and any(
        k in stack for k in ("RhInitialize", "StartupCodeHelpers", "_dl_", "ld-linux", "__libc_start"))),
    ("kernel: page faults of new memory", lambda comm, stack, leaf: "asm_exc_page_fault" in stack and "kallsyms" in leaf),
    ("gzip (zlib-ng)", lambda comm, stack, leaf: any(k in stack for k in ("inflate", "crc32", "chunkmemset", "adler32", "Gzip"))),
    ("charset detection and decoding", lambda comm, stack, leaf: "Charset" in stack or ("Encoding" in stack and "Json" not in stack)),
    ("reading the files", lambda comm, stack, leaf: any(k in stack for k in ("ReadIntoBuffer", "RandomAccess", "FileStream", "FileSystemNode"))),
    ("parse (tokenizer, tree builder)", lambda comm, stack, leaf: any(k in stack for k in ("FastHtmlParser", "HtmlTreeBuilder"))),
    ("JSON writing", lambda comm, stack, leaf: "ExtractJson__Write" in stack or "JsonlWriter" in stack),
    ("extraction: dates", lambda comm, stack, leaf: "DateNormalizer" in stack or "DateFinder" in stack or "libicu" in stack),
    ("extraction: other metadata", lambda comm, stack, leaf: "MetadataReader" in stack),
    ("extraction: main content", lambda comm, stack, leaf: "Extraction" in stack),
    ("kernel: other (reads, exit)", lambda comm, stack, leaf: "kallsyms" in leaf),
    ("other", lambda comm, stack, leaf: True),
]


def samples(path):
    head, stack = None, []
    for line in open(path, encoding="utf-8", errors="replace"):
        if not line.strip():
            if head:
                yield head, stack
            head, stack = None, []
            continue
        m = re.match(r"^\s*(\S.*?)\s+(\d+)\s+([\d.]+):\s*$", line)
        if m:
            head, stack = m.group(1), []
            continue
        stack.append(line.strip())
    if head:
        yield head, stack


def main():
    name, path = sys.argv[1], sys.argv[2]
    counts, total = collections.Counter(), 0
    for comm, stack in samples(path):
        if not comm.startswith(("Winnow", "winnow", ".NET")):
            continue
        total += 1
        joined, leaf = " ".join(stack), stack[0] if stack else ""
        counts[next(step for step, match in STEPS if match(comm, joined, leaf))] += 1
    print(f"{name}: {total} samples")
    print("| step | share |\n| --- | ---: |")
    for step, _ in STEPS:
        if counts[step]:
            print(f"| {step} | {100.0 * counts[step] / total:.1f} % |")
    print()


if __name__ == "__main__":
    main()
