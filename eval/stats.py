"""Seed statistics and the record significance test.

The challenge rule: a new record must beat the standing one by at least 0.005 nats, shown over
several seeds with p < 0.01. As a one-sided Welch t-test on val_loss (nats):

    H0: mean_new >= mean_ref - margin        H1: mean_new < mean_ref - margin
    t  = (mean_new - (mean_ref - margin)) / sqrt(s_new^2/n_new + s_ref^2/n_ref)
    df = (a + b)^2 / (a^2/(n_new-1) + b^2/(n_ref-1)),  a = s_new^2/n_new, b = s_ref^2/n_ref
    p  = T_df.cdf(t)

s is the sample standard deviation (ddof=1). A reference given as one number is a constant
(b = 0: a one-sample test with df = n_new - 1).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import numpy as np
from scipy import stats as sps

MARGIN_NATS = 0.005
ALPHA = 0.01


@dataclass(frozen=True)
class WelchResult:
    n_new: int
    n_ref: int
    mean_new: float
    mean_ref: float
    std_new: float
    std_ref: float
    margin: float
    improvement: float  # mean_ref - mean_new (positive = better)
    t: float
    df: float
    p_value: float
    alpha: float
    significant: bool

    def to_dict(self) -> dict:
        return asdict(self)


def mean_std(values) -> tuple[float, float]:
    """Mean and sample std (ddof=1; nan for a single value)."""
    arr = np.asarray(values, dtype=np.float64)
    if arr.size == 0:
        raise ValueError("no values")
    return float(arr.mean()), float(arr.std(ddof=1)) if arr.size > 1 else math.nan


def welch_improvement_test(new, ref, margin: float = MARGIN_NATS, alpha: float = ALPHA) -> WelchResult:
    """One-sided Welch test that `new` improves on `ref` (lower is better) by more than `margin`."""
    new = np.asarray(new, dtype=np.float64)
    ref = np.asarray(ref, dtype=np.float64)
    if new.size < 2:
        raise ValueError(f"need at least 2 new values for a t-test, got {new.size}")
    if ref.size < 1:
        raise ValueError("need at least 1 reference value")
    m_new, s_new = mean_std(new)
    m_ref, s_ref = mean_std(ref)
    a = s_new**2 / new.size
    b = s_ref**2 / ref.size if ref.size > 1 else 0.0
    diff = m_new - (m_ref - margin)
    se = math.sqrt(a + b)
    if se == 0.0:  # no spread at all: the sign decides
        t, df, p = (-math.inf if diff < 0 else math.inf if diff > 0 else 0.0), math.inf, (
            0.0 if diff < 0 else 1.0)
    else:
        t = diff / se
        df_den = a**2 / (new.size - 1) + (b**2 / (ref.size - 1) if ref.size > 1 else 0.0)
        df = (a + b) ** 2 / df_den
        p = float(sps.t.cdf(t, df))
    return WelchResult(n_new=int(new.size), n_ref=int(ref.size), mean_new=m_new, mean_ref=m_ref,
                       std_new=s_new, std_ref=s_ref, margin=margin, improvement=m_ref - m_new,
                       t=float(t), df=float(df), p_value=p, alpha=alpha, significant=p < alpha)


def bpb_margin(margin_nats: float, bpb_values, loss_values) -> float:
    """The nats margin in bpb: bpb/loss = tokens/(bytes ln 2) is fixed by the tokenizer and val set."""
    ratio = float(np.mean(bpb_values)) / float(np.mean(loss_values))
    return margin_nats * ratio
