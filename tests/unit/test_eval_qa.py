"""`make eval-qa`'s check of one reply, on expectations as YAML reads them."""

from __future__ import annotations

import pytest
import yaml

from eval.qa import check


def test_a_year_read_as_a_number_is_compared_as_text():
    turn = yaml.safe_load('{user: "desde cuando participa jalisco", expect: [2015], avoid: [2016]}')
    assert check(turn, "Jalisco se sumó en 2015.") == []
    assert check(turn, "Jalisco se sumó en 2016.") == ["expected '2015'", "avoid '2016'"]


def test_an_unquoted_no_is_refused_naming_the_turn():
    turn = yaml.safe_load('{user: "cuanto dinero les dieron", expect: [no]}')
    with pytest.raises(TypeError, match="cuanto dinero les dieron"):
        check(turn, "Los documentos no mencionan el presupuesto.")
