"""Rate-policy claims in classes of writing seen in development wire text (issue 13, session 11), on sentences we
wrote, through the real spaCy pipeline; each class with a control that must not become a claim (or must not change)."""

from __future__ import annotations

from datetime import datetime

from analyzer.extract import extract_claims
from analyzer.records import Article, Claim

PUBLISHED = datetime.fromisoformat("2025-02-12T18:30:00-05:00")  # a Wednesday evening


def rate_claims(nlp, text: str, published: datetime = PUBLISHED) -> list[Claim]:  # noqa: ANN001
    found = extract_claims([Article(id="t", text=text, published=published)], nlp)
    return [c for c in found if c.kind == "rate_policy"]


def test_a_banks_move_verb_without_an_object(nlp) -> None:  # noqa: ANN001
    # "after cutting by a quarter-point": the bank named as the subject, the size on "by"
    [boe] = rate_claims(nlp, "The Bank of England is watching pay deals closely after cutting by a quarter-point "
                             "at its last meeting.")
    assert (boe.bank, boe.action, boe.bp, boe.modality) == ("BoE", "cut", 25, "reported")
    [snb] = rate_claims(nlp, "The SNB is seen cutting again in March.")
    assert (snb.bank, snb.action, snb.modality) == ("SNB", "cut", "expected")
    # a pronoun for the bank in a sentence that names it; a count of moves ("twice")
    [ecb] = rate_claims(nlp, "ECB's Villeroy: We will likely cut again in March")
    assert (ecb.bank, ecb.action, ecb.modality) == ("ECB", "cut", "forecast")
    [fed] = rate_claims(nlp, "Fed funds futures show traders expect the central bank to cut twice this year.")
    assert (fed.bank, fed.action, fed.modality) == ("Fed", "cut", "expected")
    # controls: a lender, a company's "we", a figure that eases, a bank's balance sheet, a verb with no size
    assert rate_claims(nlp, "The bank cut again, laying off 200 workers.") == []
    assert rate_claims(nlp, "The company's CEO said: We will cut again next year.") == []
    assert rate_claims(nlp, "Inflation eased by 0.2 percentage points in January.") == []
    assert rate_claims(nlp, "The Fed's balance sheet increased by $50 billion last week.") == []
    assert rate_claims(nlp, "The ECB's chief economist said price pressures would ease.") == []


def test_one_rate_cut_parsed_as_a_clause(nlp) -> None:  # noqa: ANN001
    # the tagger makes "rate" the subject of a verb "cut" in "expect one rate cut from the Fed"
    [fed] = rate_claims(nlp, "Analysts at one big bank expect one rate cut from the Fed in 2025.")
    assert (fed.bank, fed.action, fed.modality) == ("Fed", "cut", "forecast")
    assert fed.horizon is not None and fed.horizon.end == "2025-12-31"
    [ecb] = rate_claims(nlp, "Traders see another rate cut from the ECB in April.")
    assert (ecb.bank, ecb.action, ecb.modality) == ("ECB", "cut", "expected")
    # control: a past cut named as a cause says nothing of its own
    assert rate_claims(nlp, "The rate cut last week helped stocks.") == []


def test_a_country_as_the_subject_of_a_rate_verb_is_its_bank(nlp) -> None:  # noqa: ANN001
    [boj] = rate_claims(nlp, "Japan raised its short-term policy rate in January to 0.5%, from 0.25%.")
    assert (boj.bank, boj.action, boj.modality) == ("BoJ", "hike", "reported")
    [boc] = rate_claims(nlp, "Canada lowered its key rate by 25 basis points on Wednesday.")
    assert (boc.bank, boc.action, boc.bp) == ("BoC", "cut", 25)
    # controls: a country's other rates and measures
    assert rate_claims(nlp, "Britain raised its tax rate on capital gains last year.") == []
    assert rate_claims(nlp, "China cut its reserve requirement ratio for banks.") == []
    assert rate_claims(nlp, "The euro zone cut its growth forecast.") == []


def test_a_move_put_off_until_a_time_is_expected_then(nlp) -> None:  # noqa: ANN001
    # "will not cut until September": the corpus reads the move as expected from then, not as no claim
    [fed] = rate_claims(nlp, "Traders expect that the Fed will not cut borrowing costs until September.")
    assert (fed.bank, fed.action, fed.modality) == ("Fed", "cut", "expected")
    assert fed.horizon is not None and fed.horizon.start == "2025-09-01"
    [hike] = rate_claims(nlp, "Economists reckon the Fed will not raise rates until 2026.")
    assert (hike.action, hike.modality) == ("hike", "forecast")
    # controls: a past delay, a plain denial, a condition rather than a time
    assert rate_claims(nlp, "The Fed did not cut rates until December.") == []
    assert rate_claims(nlp, "The Fed will not cut rates.") == []
    assert rate_claims(nlp, "The Fed will not cut rates until inflation falls.") == []


def test_bank_names_abbreviations_and_adjectives(nlp) -> None:  # noqa: ANN001
    [bsp] = rate_claims(nlp, "BSP leaves key rate unchanged at 5.75%")
    assert (bsp.bank, bsp.action) == ("Bangko Sentral ng Pilipinas", "hold")
    [cnb] = rate_claims(nlp, "At last week's meeting, the Czech central bank delivered another 25bps rate cut, "
                             "bringing its policy rate down to 3.75%.")
    assert (cnb.bank, cnb.action, cnb.bp) == ("Czech National Bank", "cut", 25)
    [boc] = rate_claims(nlp, "The BoC cut its overnight rate by 25 bps to 3% last month.")
    assert (boc.bank, boc.action) == ("BoC", "cut")
    # control: a commercial bank's initials do not make a central bank
    assert rate_claims(nlp, "BofA raised its price target for the company's stock.") == []


def test_a_hold_at_a_multi_year_high_and_higher_for_longer(nlp) -> None:  # noqa: ANN001
    [norges] = rate_claims(nlp, "Norges Bank has kept its key policy rate at 4.50%, a 17-year high.")
    assert (norges.bank, norges.action, norges.modality) == ("Norges Bank", "hold", "reported")
    [fed] = rate_claims(nlp, "Traders added to bets that the Fed will hold borrowing costs higher for longer.")
    assert (fed.bank, fed.action) == ("Fed", "hold")
    # controls: other rates
    assert rate_claims(nlp, "Mortgage rates will stay higher for longer.") == []
    assert rate_claims(nlp, "In January the jobless rate held at a two-year high of 4.2%.") == []


def test_basis_points_worth_of_cuts_priced_in(nlp) -> None:  # noqa: ANN001
    [fed] = rate_claims(nlp, "Markets have 30 basis points worth of interest rate cuts priced in for this year.")
    assert (fed.bank, fed.action, fed.modality, fed.bp) == ("Fed", "cut", "expected", 30)
    # control: points worth of something else
    assert rate_claims(nlp, "The bond sold 30 basis points worth of spread over Treasuries.") == []


def test_a_bank_named_by_its_countrys_possessive_or_adjective(nlp) -> None:  # noqa: ANN001
    [boe] = rate_claims(nlp, "Britain's central bank lowered borrowing costs by a half point, to 1 percent.")
    assert (boe.bank, boe.action, boe.bp) == ("BoE", "cut", 50)
    [boj] = rate_claims(nlp, "Japan's central bank kept its key rate at 0.5% on Friday.")
    assert (boj.bank, boj.action) == ("BoJ", "hold")
    # control: a force on market rates is no rate the bank sets
    assert rate_claims(nlp, "Australia's central bank has struggled to ease the upward pressure on several "
                            "market interest rates.") == []


def test_the_object_of_force_or_prompt_does_the_move(nlp) -> None:  # noqa: ANN001
    [boe] = rate_claims(nlp, "The deepening recession forced the Bank of England to lower borrowing costs by a "
                             "half point, to 1 percent.")
    assert (boe.bank, boe.action, boe.bp, boe.modality) == ("BoE", "cut", 50, "reported")
    # controls: a company made to cut, a wish for a move
    assert rate_claims(nlp, "The recession forced the company to cut its dividend.") == []
    assert rate_claims(nlp, "Analysts urged the Fed to cut rates.") == []


def test_a_hold_in_a_range_from_zero_or_at_almost_zero(nlp) -> None:  # noqa: ANN001
    published = datetime.fromisoformat("2009-06-24T16:00:00-04:00")
    [statement] = rate_claims(nlp, "Today the Federal Open Market Committee chose to keep its federal funds rate "
                                   "target range at 0 to 1/4 percent for the time being.", published)
    assert (statement.bank, statement.action, statement.session) == ("Fed", "hold", "2009-06-24")
    [almost] = rate_claims(nlp, "As widely expected, the Fed left the fed funds rate at almost zero.", published)
    assert (almost.bank, almost.action) == ("Fed", "hold")
    # control: a rate kept at zero by a lender is not the bank's
    assert rate_claims(nlp, "The retailer kept its financing rate at almost zero for new customers.", published) == []


def test_a_bank_expected_to_pause_and_hyphenated_policy_makers(nlp) -> None:  # noqa: ANN001
    [boc] = rate_claims(nlp, "The Bank of Canada is expected to pause in March.")
    assert (boc.bank, boc.action, boc.modality) == ("BoC", "hold", "expected")
    [vote] = rate_claims(nlp, "The Fed met on Wednesday. Policy-makers voted 8-2 to cut the fed funds rate, with two "
                              "members preferring no change.")
    assert (vote.bank, vote.action, vote.modality) == ("Fed", "cut", "reported")
    # controls: other things that pause, and a bank pausing something that is not its rate
    assert rate_claims(nlp, "The company paused to consider its options.") == []
    assert rate_claims(nlp, "Trading paused briefly after the Fed statement.") == []
    assert rate_claims(nlp, "The Fed paused its asset purchases in March.") == []


def test_policy_rates_by_short_name_and_a_banks_we(nlp) -> None:  # noqa: ANN001
    [rbnz] = rate_claims(nlp, "RBNZ cuts OCR by 50 bps to 3.75%, as expected")
    assert (rbnz.bank, rbnz.action, rbnz.bp) == ("Reserve Bank of New Zealand", "cut", 50)
    [pboc] = rate_claims(nlp, "PBOC leaves LPR unchanged for a fourth straight month")
    assert (pboc.bank, pboc.action) == ("PBoC", "hold")
    [ecb] = rate_claims(nlp, "ECB's Lagarde: The direction of travel is clear, we expect to reduce rates further")
    assert (ecb.bank, ecb.action) == ("ECB", "cut")
    # controls: a short name with no central bank in the sentence, a company's "we"
    assert rate_claims(nlp, "The scanner maker cuts OCR prices by 50% this year.") == []
    assert rate_claims(nlp, "The retailer said: we expect to reduce prices further.") == []


def test_us_rate_easing_in_a_story_about_another_bank_is_the_feds(nlp) -> None:  # noqa: ANN001
    text = ("Last week the Reserve Bank of India lowered rates. For the rest of this year, markets now price in about "
            "29 basis points of further U.S. rate easing.")
    assert [(c.bank, c.action) for c in rate_claims(nlp, text)] == [("RBI", "cut"), ("Fed", "cut")]
    # control: U.S. rate futures are no move of anyone's
    text = "The RBI cut its key rate last week. U.S. rate futures were little changed."
    assert [c.bank for c in rate_claims(nlp, text)] == ["RBI"]


def test_rates_that_come_down_or_go_up(nlp) -> None:  # noqa: ANN001
    [fed] = rate_claims(nlp, "Powell said rates will come down this year as inflation eases.")
    assert (fed.bank, fed.action, fed.modality) == ("Fed", "cut", "forecast")
    # controls: other rates, prices, and a past fall of market rates
    assert rate_claims(nlp, "Mortgage rates came down last week.") == []
    assert rate_claims(nlp, "The jobless rate will go up in 2025.") == []
    assert rate_claims(nlp, "Prices will go up next year.") == []
    assert rate_claims(nlp, "Rates came down sharply in 2024.") == []


def test_the_countrys_central_bank_is_the_bank_of_the_country_named(nlp) -> None:  # noqa: ANN001
    published = datetime.fromisoformat("2009-11-03T18:00:00-05:00")
    text = ("The ECB kept rates steady on Thursday. The Australian dollar slipped once the country's central bank had "
            "raised rates on Tuesday for the second month running.")
    assert [(c.bank, c.action) for c in rate_claims(nlp, text, published)] == [("ECB", "hold"), ("RBA", "hike")]
    # controls: no country or two countries named: no claim rather than the bank named before
    text = "The ECB kept rates steady on Thursday. The peso firmed after the country's central bank cut rates."
    assert [c.bank for c in rate_claims(nlp, text, published)] == ["ECB"]
    text = ("The ECB kept rates steady on Thursday. The Canadian and Australian dollars slipped once the country's "
            "central bank had raised rates.")
    assert [c.bank for c in rate_claims(nlp, text, published)] == ["ECB"]


def test_an_object_after_the_move_verb_is_not_its_mover(nlp) -> None:  # noqa: ANN001
    # the parse may hang a later noun on 'expected' as its object: the Fed still expects to cut (regression control)
    [fed] = rate_claims(nlp, "With inflation cooling and the Federal Reserve widely expected to cut rates later this "
                             "year, smaller companies, who tend to borrow more heavily and benefit most from cheaper "
                             "credit stand to gain.")
    assert (fed.bank, fed.action, fed.modality) == ("Fed", "cut", "expected")
