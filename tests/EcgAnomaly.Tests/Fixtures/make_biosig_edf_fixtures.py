"""Writes biosig_edf_annotations.json: the EDF+ annotations of the two EDF test files of wfdb-conformance, as an
independent reader, BioSig's save2gdf, lists them (the EDF reader's tests compare onsets and texts with these).

Run with Debian's BioSig tools (apt-get install biosig-tools):
    /usr/bin/python3 tests/EcgAnomaly.Tests/Fixtures/make_biosig_edf_fixtures.py

save2gdf -JSON prints each event's absolute time stamp; the onset is that time less the recording's start, both as
save2gdf prints them (it keeps times to about 20 microseconds, so onsets are rounded to the millisecond). It prints
no durations for a file whose data record lasts 0 s (test_edfann.edf), so only onsets and texts are kept.
"""
import datetime, json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
# The data folder: the argument, else ECG_ANOMALY_DATA (as the tests find it), else ../shared/data beside the repository.
data = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("ECG_ANOMALY_DATA") or os.path.join(here, "..", "..", "..", "..", "shared", "data")
folder = os.path.join(data, "wfdb-conformance", "wfdb-python", "sample-data")
version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "biosig-tools"], capture_output=True, text=True).stdout


def stamp(text):
    return datetime.datetime.strptime(text, "%Y-%m-%d %H:%M:%S.%f")


files = {}
for name in ["test_edfann.edf", "test_generator_2.edf"]:
    out = subprocess.run(["save2gdf", "-JSON", os.path.join(folder, name)], capture_output=True, text=True, check=True).stdout
    header = json.loads(out)
    start = stamp(header["StartOfRecording"])
    files[name] = [[round((stamp(e["TimeStamp"]) - start).total_seconds(), 3), e["Description"]] for e in header.get("EVENT", [])]

# One [onset, text] pair per line, so that a change shows as a readable diff.
lines = [f'{{"tool": {json.dumps(f"save2gdf -JSON (biosig-tools {version})")}, "files": {{']
for i, (name, events) in enumerate(files.items()):
    lines.append(f" {json.dumps(name)}: [")
    lines += ["  " + json.dumps(e) + ("," if j < len(events) - 1 else "") for j, e in enumerate(events)]
    lines.append(" ]" + ("," if i < len(files) - 1 else ""))
lines.append("}}")
with open(os.path.join(here, "biosig_edf_annotations.json"), "w") as f:
    f.write("\n".join(lines) + "\n")
