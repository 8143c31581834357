"""Mutation fuzzing of the XLSX reader through the release binary (`make fuzz`).

Takes the fixture workbooks, damages one XML part of each case (byte flips, cuts, repeats, and
insertions of hostile snippets), stores it uncompressed so the damage reaches the XML parser, and
runs `quire cat --format json` and `quire sheets --format json`. Every run must exit 0 or 65 within
20 s; a crash or a hang is kept in the output folder and fails the run.

    python Tests/fuzz/mutate_workbooks.py [SEED] [CASES]
"""
import glob
import io
import os
import random
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
bins = os.environ.get("QUIRE_BIN", os.path.join(ROOT, ".build/release/quire"))
work = tempfile.mkdtemp(prefix="quire-fuzz-")
files = sorted(glob.glob(os.path.join(ROOT, "Tests/Fixtures/xlsx/*.xls[xm]")))
bad = 0
for it in range(int(sys.argv[2]) if len(sys.argv) > 2 else 300):
    src = random.choice(files)
    z = zipfile.ZipFile(src)
    names = [i.filename for i in z.infolist()]
    xmls = [n for n in names if n.endswith(".xml") or n.endswith(".rels")]
    target = random.choice(xmls)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as w:
        for n in names:
            data = z.read(n)
            if n == target and data:
                data = bytearray(data)
                for _ in range(random.randint(1, 8)):
                    op = random.random()
                    pos = random.randrange(len(data))
                    if op < 0.4:
                        data[pos] = random.randrange(256)
                    elif op < 0.6:
                        del data[pos:pos + random.randint(1, 20)]
                    elif op < 0.8:
                        snippet = random.choice([b'r="A0"', b'r="ZZZZ9"', b' t="s"', b'<v>999999</v>', b'<c>', b'</row>', b's="9999"', b'<f t="shared" si="0"/>', b'&amp;', b'"', b'<', b'<row r="1048577">', b'<v>1e400</v>', b'<v>-5</v>', b' t="d"', b'<definedName name="x">x</definedName>', b'<dataValidation type="list" sqref="A1"><formula1>x</formula1></dataValidation>'])
                        data[pos:pos] = snippet
                    else:
                        data[pos:pos] = data[pos:pos + random.randint(1, 200)]
                data = bytes(data)
            w.writestr(n, data)
    path = os.path.join(work, "case.xlsx")
    open(path, "wb").write(out.getvalue())
    for args in (["cat", path, "--format", "json"], ["sheets", path, "--format", "json"]):
        try:
            r = subprocess.run([bins] + args, capture_output=True, timeout=20)
        except subprocess.TimeoutExpired:
            print("HANG", src, target); bad += 1
            os.rename(path, os.path.join(work, f"hang-{it}.xlsx")); break
        if r.returncode not in (0, 65):
            print("BAD", r.returncode, src, target, r.stderr[-300:]); bad += 1
            os.rename(path, os.path.join(work, f"bad-{it}.xlsx")); break
print(f"{bad} failing case(s); kept in {work}" if bad else "no crash or hang")
sys.exit(1 if bad else 0)
