"""Python overhead and parallel scaling, against the command line, on one folder (run it
with the package installed, e.g. a release wheel: `maturin develop` builds a debug one).

    python python/benches/bench.py [FOLDER]   (default: ../shared/corpus/local)

Prints, best of 5: the CLI's `parse FOLDER --format jsonl` on one thread; `gongwen.parse`
file by file (JSON text → dicts included); `parse_many` on one and on all threads (run
in subprocesses, since rayon's pool is sized once per process); and `tables`.
"""

import glob
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "corpus", "local")
paths = sorted(glob.glob(os.path.join(folder, "*.txt")))
size = sum(os.path.getsize(p) for p in paths)


def best(f, n=5):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def report(name, t):
    print(f"{name:44} {t * 1e3:8.1f} ms  {size / t / 2**20:6.1f} MiB/s  {t / len(paths) * 1e3:6.2f} ms/doc")


print(f"{len(paths)} files, {size / 1e6:.2f} MB")
cli = os.path.join(ROOT, "target", "release", "gongwen")
if os.path.exists(cli):
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    report("CLI parse --format jsonl (1 thread)", best(lambda: subprocess.run(
        [cli, "parse", folder, "--format", "jsonl"], env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, check=True)))

import gongwen  # noqa: E402

report("gongwen.parse, file by file", best(lambda: [gongwen.parse(p) for p in paths]))
for threads in ("1", str(os.cpu_count())):
    code = (
        "import sys, time, gongwen; p = sys.argv[1:]; ts = []\n"
        "for _ in range(5):\n"
        "    t = time.perf_counter(); list(gongwen.parse_many(p)); ts.append(time.perf_counter() - t)\n"
        "print(min(ts))"
    )
    out = subprocess.run([sys.executable, "-c", code, *paths], capture_output=True, text=True,
                         env=dict(os.environ, RAYON_NUM_THREADS=threads), check=True)
    report(f"gongwen.parse_many ({threads} threads)", float(out.stdout))
report("gongwen.tables (all threads)", best(lambda: gongwen.tables(paths)))
