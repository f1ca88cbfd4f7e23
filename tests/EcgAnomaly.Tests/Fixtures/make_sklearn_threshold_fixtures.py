"""Writes sklearn_threshold_cases.json: what a fixed alarm threshold gives on labelled beats, as scikit-learn counts it.

Run with Debian's scikit-learn (apt-get install python3-sklearn):
    /usr/bin/python3 tests/EcgAnomaly.Tests/Fixtures/make_sklearn_threshold_fixtures.py

A beat is flagged when its score is strictly above the threshold (the README: "beats scoring above"); a beat is
abnormal when its class is not the normal class. For each case: scikit-learn's confusion_matrix, precision_score,
recall_score and f1_score (zero_division=0 where a ratio has nothing to divide by), the false-alarm rate
FP / (FP + TN) from that confusion matrix, and with NumPy the per-class detection: the fraction of each class's beats
scoring above the threshold. Cases include scores tied with the threshold, an all-normal set, nothing flagged,
everything flagged, ECG5000's five classes and a normal class other than 1.
"""
import json, os
import numpy as np, sklearn
from sklearn.metrics import confusion_matrix, precision_score, recall_score, f1_score

rng = np.random.default_rng(20261126)
cases = []


def add(name, classes, scores, normal_class, threshold):
    classes = np.asarray(classes, dtype=int)
    scores = np.asarray(scores, dtype=float)
    threshold = float(threshold)
    y_true = (classes != normal_class).astype(int)
    y_pred = (scores > threshold).astype(int)
    tn, fp, fn, tp = (int(v) for v in confusion_matrix(y_true, y_pred, labels=[0, 1]).ravel())
    per_class = {}
    for c in np.unique(classes):
        flagged = scores[classes == c] > threshold
        per_class[str(int(c))] = {"beats": int(flagged.size), "flagged": int(flagged.sum()), "rate": float(np.mean(flagged))}
    cases.append({
        "name": name,
        "classes": [int(v) for v in classes],
        "scores": [float(v) for v in scores],
        "normalClass": int(normal_class),
        "threshold": threshold,
        "truePositives": tp, "falsePositives": fp, "trueNegatives": tn, "falseNegatives": fn,
        "precision": float(precision_score(y_true, y_pred, zero_division=0)),
        "recall": float(recall_score(y_true, y_pred, zero_division=0)),
        "f1": float(f1_score(y_true, y_pred, zero_division=0)),
        "falseAlarmRate": fp / (fp + tn) if fp + tn else 0.0,
        "perClass": per_class,
    })


# Scores equal to the threshold are not flagged: three beats sit exactly on it, of both kinds.
add("ties-at-threshold", [1, 1, 1, 2, 2, 3, 1, 4, 2], [0.5, 2.0, 2.0, 2.0, 2.5, 3.0, 1.0, 0.1, 7.0], 1, 2.0)
# Only normal beats: recall has no abnormal beat to divide by; two normals are flagged, so precision is 0 / 2.
add("all-normal-some-flagged", [1] * 6, [1, 2, 3, 4, 5, 6], 1, 4.5)
# Only normal beats and none flagged: precision, recall and F1 all divide by zero.
add("all-normal-none-flagged", [1] * 5, [1, 2, 3, 4, 5], 1, 10)
# Abnormal beats present but nothing flagged: precision divides by zero.
add("nothing-flagged", [1, 2, 1, 3, 5, 1], [1, 2, 3, 4, 5, 6], 1, 6)
# Everything flagged: no true negatives, false-alarm rate 1.
add("everything-flagged", [1, 2, 1, 3, 5, 1], [1, 2, 3, 4, 5, 6], 1, 0.5)
# Only abnormal beats: the false-alarm rate has no normal beat to divide by.
add("all-abnormal", [2, 3, 4, 5], [1, 2, 3, 4], 1, 2.5)

# ECG5000-like: 500 beats of classes 1-5 in roughly ECG5000_TRAIN's proportions, abnormal classes scoring higher,
# scores rounded to one decimal so that many tie (also with the threshold, the 99th percentile of the normals).
classes = rng.choice([1, 2, 3, 4, 5], size=500, p=[0.58, 0.35, 0.02, 0.04, 0.01])
scores = np.round(rng.normal(60 + 25 * (classes != 1) + 5 * classes, 12), 1)
add("ecg5000-like-percentile99", classes, scores, 1, np.round(np.percentile(scores[classes == 1], 99), 1))
add("ecg5000-like-median", classes, scores, 1, np.median(scores))
# The normal class need not be 1 (train --normal-class): class 2 normal, class 1 counted abnormal.
add("normal-class-2", classes, scores, 2, np.percentile(scores[classes == 2], 90))
# Integer scores, heavy ties everywhere, threshold on one of the tied values.
classes = rng.integers(1, 6, size=200)
scores = rng.integers(0, 8, size=200) + (classes != 1)
add("integer-scores-heavy-ties", classes, scores, 1, 4)

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "sklearn_threshold_cases.json"), "w") as f:
    json.dump({"sklearn_version": sklearn.__version__, "numpy_version": np.__version__, "cases": cases}, f)
print("wrote", len(cases), "cases")
