"""Writes sklearn_metric_cases.json: ROC AUC and average precision as scikit-learn computes them.

Run with Debian's scikit-learn (apt-get install python3-sklearn):
    /usr/bin/python3 tests/EcgAnomaly.Tests/Fixtures/make_sklearn_fixtures.py
Cases include heavy ties (sklearn gives tied scores half credit in ROC AUC and steps PR per distinct threshold).
"""
import json, os
import numpy as np, sklearn
from sklearn.metrics import roc_auc_score, average_precision_score

rng = np.random.default_rng(20261125)
cases = []
def add(name, labels, scores):
    labels = [int(v) for v in labels]; scores = [float(v) for v in scores]
    cases.append({"name": name, "labels": labels, "scores": scores,
                  "rocAuc": float(roc_auc_score(labels, scores)),
                  "averagePrecision": float(average_precision_score(labels, scores)),
                  "percentile99": float(np.percentile(scores, 99)),
                  "percentile50": float(np.percentile(scores, 50))})

add("tiny", [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
add("all-tied", [0, 1, 0, 1, 1], [1, 1, 1, 1, 1])
add("ties-across-classes", [0, 0, 1, 1, 0, 1, 0, 1], [1, 2, 2, 3, 3, 3, 0, 5])
add("perfect", [0, 0, 0, 1, 1], [0.1, 0.2, 0.3, 0.9, 1.0])
add("inverted", [1, 1, 0, 0], [0.1, 0.2, 0.3, 0.9])
n = 500
labels = rng.integers(0, 2, n)
add("random-continuous", labels, rng.normal(labels * 1.2, 1.0))
add("random-rounded-ties", labels, np.round(rng.normal(labels * 0.8, 1.0), 1))
add("imbalanced", (rng.random(300) < 0.1).astype(int), rng.random(300))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "sklearn_metric_cases.json"), "w") as f:
    json.dump({"sklearn_version": sklearn.__version__, "numpy_version": np.__version__, "cases": cases}, f)
print("wrote", len(cases), "cases")
