"""Issue 16's test of per-time-step standardised scores on the official protocol (a throw-away harness, kept to rerun).

    /usr/bin/python3 standardised_scores.py RUN_DIR...   (ensemble run folders of `train --protocol official`)
For each member and for the ensemble: ROC AUC (class 1 = normal) of the plain score (sum of |error|), of the errors
divided per time step by the mean |error| of the ECG5000_TRAIN normals ("std"), and of the errors above that mean in
units of their sd ("z+"). Only training normals set the scale; no test label is used but for the AUC itself.
"""
import json, os, sys
import numpy as np, torch
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../tests/EcgAnomaly.Tests/Fixtures'))
from study_lstm import RecurrentAutoencoder
def rankdata(a):
    a = np.asarray(a); order = np.argsort(a, kind='mergesort'); r = np.empty(len(a)); sa = a[order]
    i = 0
    while i < len(a):
        j = i
        while j + 1 < len(a) and sa[j+1] == sa[i]: j += 1
        r[order[i:j+1]] = (i + j) / 2 + 1; i = j + 1
    return r
def roc_auc_score(y, a):
    r = rankdata(a); n1 = y.sum(); n0 = len(y)-n1
    return (r[y==1].sum() - n1*(n1+1)/2) / (n0*n1)
torch.set_num_threads(1)
tr = np.loadtxt(os.path.join(os.environ.get('ECG_ANOMALY_DATA', '../shared/data'), 'ECG5000', 'ECG5000_TRAIN.tsv'), delimiter='\t')
te = np.loadtxt(os.path.join(os.environ.get('ECG_ANOMALY_DATA', '../shared/data'), 'ECG5000', 'ECG5000_TEST.tsv'), delimiter='\t')
trn = torch.tensor(tr[tr[:,0]==1][:,1:], dtype=torch.float32)
tex = torch.tensor(te[:,1:], dtype=torch.float32); y = (te[:,0]!=1).astype(int)
def errs(run, w, x):
    m = RecurrentAutoencoder(140, 1, 32); m.load_state_dict(torch.load(os.path.join(run, w))); m.eval()
    with torch.no_grad(): return (m(x)-x).abs().numpy()
for run in sys.argv[1:]:
    man = json.load(open(os.path.join(run,'model.json')))
    ws = [mm['weights'] for mm in man['members']]
    plain, std, stdv = [], [], []
    for w in ws:
        et, ee = errs(run, w, trn), errs(run, w, tex)
        s = et.mean(0) + 1e-3; v = et.std(0) + 1e-3
        plain.append(ee.sum(1)); std.append((ee/s).sum(1)); stdv.append(((ee-et.mean(0))/v).clip(min=0).sum(1))
    f = lambda a: round(roc_auc_score(y, a), 4)
    print(os.path.basename(run), 'member1 plain', f(plain[0]), 'std', f(std[0]), 'z+', f(stdv[0]),
          '| ens plain', f(np.mean(plain,0)), 'std', f(np.mean(std,0)), 'z+', f(np.mean(stdv,0)))
