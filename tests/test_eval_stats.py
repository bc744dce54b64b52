"""eval/stats.py: the one-sided Welch test of "improves by at least 0.005 nats"."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
import pytest
from scipy import stats as sps

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))
import eval_world  # noqa: E402,F401  (puts the repo root on sys.path)

from eval.stats import bpb_margin, mean_std, welch_improvement_test  # noqa: E402

NEW = [1.90, 1.91, 1.92]  # mean 1.91, variance 1e-4
REF = [1.93, 1.95, 1.97]  # mean 1.95, variance 4e-4


def test_against_hand_computed_values():
    r = welch_improvement_test(NEW, REF, margin=0.005)
    # by hand: se^2 = 1e-4/3 + 4e-4/3 = 5e-4/3; t = (1.91 - 1.945) / sqrt(5e-4/3)
    # df = (5e-4/3)^2 / ((1e-4/3)^2/2 + (4e-4/3)^2/2) = 25 / 8.5 = 50/17
    assert r.t == pytest.approx(-0.035 / math.sqrt(5e-4 / 3), rel=1e-9)
    assert r.t == pytest.approx(-2.711088, rel=1e-6)
    assert r.df == pytest.approx(50 / 17, rel=1e-12)
    assert r.p_value == pytest.approx(sps.t.cdf(-2.711088, 50 / 17), rel=1e-5)
    assert 0.03 < r.p_value < 0.04 and not r.significant  # better, but not at p < 0.01
    assert r.improvement == pytest.approx(0.04) and r.std_new == pytest.approx(0.01)


def test_matches_scipy_welch_on_shifted_data():
    rng = np.random.default_rng(0)
    new, ref = 1.88 + 0.0007 * rng.standard_normal(3), 1.90 + 0.0012 * rng.standard_normal(4)
    r = welch_improvement_test(new, ref, margin=0.005)
    cross = sps.ttest_ind(new, ref - 0.005, equal_var=False, alternative="less")
    assert r.t == pytest.approx(cross.statistic, rel=1e-12)
    assert r.p_value == pytest.approx(cross.pvalue, rel=1e-9)
    assert r.significant and r.p_value < 0.01


def test_single_reference_value_is_a_constant():
    r = welch_improvement_test(NEW, [1.95], margin=0.005)
    one = sps.ttest_1samp(NEW, 1.945, alternative="less")
    assert r.df == 2 and r.p_value == pytest.approx(one.pvalue, rel=1e-9)


def test_edge_cases():
    with pytest.raises(ValueError, match="at least 2"):
        welch_improvement_test([1.9], REF)
    assert welch_improvement_test([1.0, 1.0], [2.0, 2.0]).p_value == 0.0  # no spread: sign decides
    assert welch_improvement_test([2.0, 2.0], [2.0, 2.0]).p_value == 1.0
    assert mean_std([1.0, 2.0, 3.0]) == (2.0, 1.0)
    assert math.isnan(mean_std([1.0])[1])
    assert bpb_margin(0.005, [1.12, 1.12], [1.89, 1.89]) == pytest.approx(0.005 * 1.12 / 1.89)
