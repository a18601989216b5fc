"""The ``deal_claims`` component: acquisitions, mergers, orders and sales, investments, partnerships.

For each sentence: find the deal words, verbs ("agreed to buy", "will pay ... for", "ordered",
"sell ... to") and nouns ("the sale of X to Y", "its offer of $71.50 per share", "an order for 30
jets"); read the parties and their roles off the dependency parse (the verb's subject, its object,
"to"/"from"/"for"/"by" phrases, possessives), attach the deal's value, its per-share price and the
quantity and item bought, then decide the status (announced, reported, expected, rumored).

Precision first: a deal claim needs at least two parties, or one party and a figure (a value, a
per-share price or a quantity). Hypotheticals ("could buy", "if X bids") are no claims at all.

Per-share prices are not the deal's value (a "$10 to $11 per share" offer has no total): they are
kept in ``Claim.stated`` as ``price_per_share`` (as written), ``price_per_share_low``,
``price_per_share_high`` (plain numbers) and ``price_per_share_currency``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from analyzer.extract import lexicon
from analyzer.extract.component import ExtractComponent, doc_text, span_text
from analyzer.extract.doc_fields import add_claims
from analyzer.extract.instruments import _abbreviates, _without_dateline, organization_names
from analyzer.extract.modality import CONDITION_MARKERS
from analyzer.extract.modality import HYPOTHETICAL_AUX as MODAL_HYPOTHETICAL_AUX
from analyzer.extract.numbers import CURRENCY_CODES, MAGNITUDES, WORD_NUMBERS, find_money, parse_number
from analyzer.extract.patterns import lead_module_patterns
from analyzer.extract.timeref import MONTHS_ALT, WEEKDAY_RE, WEEKDAYS, local_published, weekday_on_or_before
from analyzer.records import Claim, Money, Party

# verb lemma -> deal type; the subject's role and the object's role follow from the type
BUY_VERBS = lexicon.words("deals", "buy_verbs")  # "take over", "snap up" need their particle
REPURCHASE_VERBS = lexicon.words("deals", "repurchase_verbs")  # a buyback, unless what is bought is a stake
SELL_VERBS = lexicon.words("deals", "sell_verbs")
ORDER_VERBS = lexicon.words("deals", "order_words")
MERGE_VERBS = lexicon.words("deals", "merge_verbs")
INVEST_VERBS = lexicon.words("deals", "invest_verbs")
PARTNER_VERBS = lexicon.words("deals", "partner_verbs")
PAY_VERBS = lexicon.words("deals", "pay_verbs")
PRIVATE_TAKING_VERBS = lexicon.words("deals", "private_taking_verbs")
PRIVATE_WORDS = lexicon.words("deals", "private_words")
BID_VERBS = lexicon.words("deals", "bid_verbs")
DEAL_VERBS = BUY_VERBS | REPURCHASE_VERBS | SELL_VERBS | ORDER_VERBS | MERGE_VERBS | INVEST_VERBS | PARTNER_VERBS | \
    PAY_VERBS | BID_VERBS
NEEDS_PARTICLE = lexicon.labels("deals", "particle_verbs")

BUY_NOUNS = lexicon.words("deals", "buy_nouns")
SALE_NOUNS = lexicon.words("deals", "sale_nouns")
CONTRACT_NOUNS = lexicon.words("deals", "contract_nouns")
AWARDING_VERBS = lexicon.words("deals", "awarding_verbs")
ORDER_NOUNS = ORDER_VERBS | CONTRACT_NOUNS
MERGER_NOUNS = lexicon.words("deals", "merger_nouns")
INVEST_NOUNS = lexicon.words("deals", "invest_nouns")
PARTNER_NOUNS = lexicon.words("deals", "partner_nouns") | lexicon.words("deals", "collaboration_nouns")
AGREEMENT_NOUNS = lexicon.words("deals", "agreement_nouns")
SEALING_VERBS = lexicon.words("deals", "sealing_verbs")
NOT_BUSINESS_DEALS = lexicon.words("deals", "not_business_deals")
SUPPLY_VERBS = lexicon.words("deals", "supply_verbs")
LICENCE_NOUNS = lexicon.words("deals", "licence_nouns")
EXCLUSIVE_WORDS = lexicon.words("deals", "exclusive_words")
LICENCE_TAKING_VERBS = lexicon.words("deals", "licence_taking_verbs")
DEAL_NOUNS = BUY_NOUNS | SALE_NOUNS | ORDER_NOUNS | MERGER_NOUNS | INVEST_NOUNS | PARTNER_NOUNS | AGREEMENT_NOUNS | \
    LICENCE_NOUNS
# nouns that frame a deal verb: "struck a deal to buy", "announced plans to sell"
FRAME_NOUNS = lexicon.words("deals", "frame_nouns")
# verbs whose subject, governing "the sale of X", is the seller
SELLING_GOVERNORS = lexicon.words("deals", "selling_governors")
APPROVING_VERBS = lexicon.words("deals", "approving_verbs")
# verbs that make a partnership noun a deal: "formed a joint venture", "signed a partnership"
FORMING_VERBS = lexicon.words("deals", "forming_verbs")
RELEASE_VERBS = lexicon.words("deals", "release_verbs")
RENEWING_VERBS = lexicon.words("deals", "renewing_verbs")
# verbs that make "a stake" an investment: "built a stake of $2.5 billion in X"
STAKE_VERBS = lexicon.words("deals", "stake_verbs")
STAKE_CUTTING_VERBS = lexicon.words("deals", "stake_cutting_verbs")
STAKE_NOUNS = lexicon.words("deals", "stake_nouns")
PRESUPPOSITION_BREAKERS = lexicon.words("deals", "presupposition_breakers")
STAKE_SIZE_WORDS = lexicon.words("deals", "stake_size_words")  # 'a stake of 5 percent in Beta'
RELATION_NOUNS = lexicon.words("deals", "relation_nouns")
COURT_WORDS = lexicon.words("deals", "court_words")
OPTION_NOUNS = lexicon.words("deals", "option_nouns")
ADVISER_HIRING_VERBS = lexicon.words("deals", "adviser_hiring_verbs")
STAKE_QUALIFIERS = lexicon.words("deals", "stake_qualifiers")
CONTROL_STAKE_WORDS = lexicon.words("deals", "control_stake_words")
CONTROL_SHARE = 50.0  # a part of a company of at least half gives control (or joint control)
# verbs whose subject is the seller when the object is an order ("Boeing won an order")
ORDER_WINNING_VERBS = lexicon.words("deals", "order_winning_verbs")

# the status of a deal, from the words that frame it
# unnamed sources and talks make a deal a rumour; a named outlet's report of a done deal does not
RUMOR_RE = re.compile(
    r"\b(people (?:familiar|close) (?:with|to)|(?:sources?|people|persons?) (?:familiar|close|said|say|told|who)|"
    r"according to (?:a |an |the )?(?:report|people|sources?|media|person)|unidentified sources|"
    r"in (?:advanced |early |exclusive |preliminary |final )?(?:talks|discussions|negotiations)|"
    r"(?:is|are|was|were) (?:said|believed|understood|thought) to (?:be|have)|rumou?r|speculat|"
    r"(?:considering|exploring|weighing|mulling|studying)"
    r" (?:a |an |the )?(?:possible |potential )?(?:bid|offer|sale|deal|merger|takeover|acquisition|options|buying|"
    r"selling|acquiring)|nearing (?:a |an )?(?:deal|agreement))", re.I)
# "Reports that ...", "on a CNBC report that", "reportedly": a report says so
REPORT_RE = re.compile(r"\b(?:reports?\s+(?:that|of)|report\s+that|reportedly)\b", re.I)
MEDIA_RE = re.compile(r"\b(?:journal|times|post|bloomberg|press|media|daily|magazine|newspaper|news service|"
                      r"agency|reuters|information|cnbc|wire|e[A-Z]\w+)\b[^.;]{0,40}?\b(?:reported|reports|said|says)\b"
                      r"|\breported\b", re.I)
EXPECT_LEMMAS = lexicon.words("deals", "expect_verbs")
EXPECT_WORDS = re.compile(r"\b(?:expected|likely|poised|set|due|slated|scheduled)\s+to\s*$", re.I)
ANNOUNCE_LEMMAS = lexicon.words("deals", "announce_verbs")
HYPOTHETICAL_AUX = MODAL_HYPOTHETICAL_AUX - {"would"}  # "would buy" is how an agreed deal is told

COMPANY_NOUNS = lexicon.words("deals", "company_nouns")
UNIT_NOUNS = lexicon.words("deals", "unit_nouns")
OWN_ASSET_NOUNS = lexicon.words("deals", "own_asset_nouns")
PARTY_ENTS = lexicon.words("deals", "party_entities")
NAMED_ENTS = lexicon.words("deals", "named_entities")
ITEM_SKIP = lexicon.words("deals", "item_skip")
MOVE_LEMMAS = lexicon.words("deals", "move_verbs")
PRONOUNS = lexicon.words("deals", "pronouns")
RELATIVE_PRONOUNS = lexicon.words("deals", "relative_pronouns")
NOT_GOODS = lexicon.words("deals", "not_goods")
STAKE_PART_WORDS = lexicon.words("deals", "stake_part_words")
MAKING_VERBS = lexicon.words("deals", "making_verbs")
ORDERED_TASK_VERBS = SUPPLY_VERBS | MAKING_VERBS | lexicon.words("deals", "ordered_task_verbs")
EXPECTED_WORDS = lexicon.words("deals", "expected_words")
WILL_AUX = lexicon.words("deals", "will_aux")
FOLLOW_UP_NOUNS = lexicon.words("deals", "follow_up_nouns")
OFFER_RECEIVING_VERBS = lexicon.words("deals", "offer_receiving_verbs")
OFFER_ASSENT_VERBS = lexicon.words("deals", "offer_assent_verbs")
OFFER_ENDING_VERBS = lexicon.words("deals", "offer_ending_verbs")
FAILED_DEAL_WORDS = lexicon.words("deals", "failed_deal_words")
ATTEMPT_VERBS = lexicon.words("deals", "attempt_verbs")
INTENT_VERBS = lexicon.words("deals", "intent_verbs")
MEMBER_VERBS = lexicon.words("deals", "member_verbs")
APPROACHING_VERBS = lexicon.words("deals", "approaching_verbs")
HELPING_VERBS = lexicon.words("deals", "helping_verbs")
HOLDING_VERBS = lexicon.words("deals", "holding_verbs")
TARGET_BODIES = lexicon.words("deals", "target_bodies")
OFFER_RECEIVING_NOUNS = lexicon.words("deals", "offer_receiving_nouns")
DEFINITE_DETERMINERS = lexicon.words("deals", "definite_determiners")
PUBLIC_BODIES = lexicon.words("deals", "public_bodies")
LICENSING_WORDS = lexicon.words("deals", "licensing_words")
SOUNDING_VERBS = lexicon.words("deals", "sounding_verbs")
SECURITIES = lexicon.words("deals", "securities")
DERIVATIVE_WORDS = lexicon.words("deals", "derivative_words")
LABOR_UNION_WORDS = lexicon.words("deals", "labor_union_words")
LABOR_UNION_NAMES = lexicon.words("deals", "labor_union_names")
SECURITY_CLASSES = lexicon.words("deals", "security_classes")
DENYING_VERBS = lexicon.words("deals", "denying_verbs") | lexicon.words("deals", "ending_words")
HELD_OPTION_NOUNS = lexicon.words("deals", "held_option_nouns")
OFFER_MONEY_VERBS = lexicon.words("deals", "offer_money_verbs")
PORTION_WORDS = lexicon.words("deals", "portion_words")
HEADLINE_PARTNER_NOUNS = lexicon.words("deals", "headline_partner_nouns")
SAY_LEMMAS = lexicon.words("modality", "say_verbs")
BUYOUT_WORDS = lexicon.words("deals", "buyout_words")
FINANCING_VERBS = lexicon.words("deals", "financing_verbs")
RANKING_OWNERS = lexicon.words("deals", "ranking_owners")
TOPPING_VERBS = lexicon.words("deals", "topping_verbs")
RIVAL_BID_WORDS = lexicon.words("deals", "rival_bid_words")
# a figure said to be the deal's value, wherever the deal noun stands in the sentence
DEAL_VALUE_PHRASE_RE = re.compile(r"\b(?:total|aggregate|equity|enterprise|transaction|deal|purchase)\s+(?:equity\s+)?"
                                  r"value\s+of\b|\bpurchase\s+price\s+of\b|\bvalued\s+at\b"
                                  # "The total contract value is NOK 85 million", "valuing the company at $900 million"
                                  r"|\b(?:contract|deal|transaction|order)\s+value\s+(?:is|was|amounts\s+to)\b"
                                  r"|\bvaluing\s+(?:the\s+\w+|it|them)\s+at\b"
                                  # "bringing the total value to $2.1 billion"; "put ... value of the deal at"
                                  rf"|\b(?:{lexicon.alternation(lexicon.words('deals', 'value_bringing_verbs'))})\s+"
                                  r"(?:the\s+)?(?:(?:total|aggregate|overall|enterprise|equity|transaction|deal)\s+)+value"
                                  r"(?:\s+of\s+the\s+(?:deal|transaction|acquisition|purchase|offer|bid|merger|takeover|sale))?"
                                  r"\s+(?:to|at)\b", re.I)
VALUE_HEDGE_RE = re.compile(r"\s*(?:(?:about|approximately|around|roughly|some|nearly|up\s+to)\s+)?")
NEAR_WORDS = lexicon.words("deals", "near_words")
PURCHASE_TYPES = ("acquisition", "sale", "order")  # one purchase, told from either side
FOLLOW_UP_SENTENCES = 3  # how far a deal named again ('the deal', 'the transaction') may stand from its first telling

NATIONALITY_RE = re.compile(rf"(?:{lexicon.alternation(lexicon.words('deals', 'nationality_words'))})(?:-[A-Z][a-z]+)*")
RIC_TOKEN_RE = re.compile(r"^[A-Z0-9][A-Za-z0-9_]{0,6}\.[A-Z]{1,3}$")
LEGAL_SUFFIX_RE = re.compile(
    r"(?:,?\s+(?:Inc|Corp|Co|Ltd|Limited|Ltda|LP|L\.P|LLC|Plc|PLC|plc|SA|S\.A|AG|NV|N\.V|SpA|AB|ASA|Oyj|GmbH|Cos)\.?)+$")
PER_SHARE_RE = re.compile(
    r"(?P<cur>US\$|C\$|A\$|HK\$|\$|€|£|¥)\s?(?P<lo>\d+(?:\.\d+)?)(?:\s*(?:to|-|–|and)\s*(?:US\$|C\$|A\$|HK\$|\$|€|£|"
    r"¥)?\s?(?P<hi>\d+(?:\.\d+)?))?\s*(?:(?:a|per|for each)\s+(?:share|unit|ADR|ADS)\b|each\b)", re.I)


# "Fiat clinched a deal with Chrysler", "an alliance with U.S. car maker Chrysler": a deal with a named partner, a cue
# for the gate, which otherwise keeps a deal sentence without a figure only with two names after its first word
PARTNER_WITH_RE = re.compile(
    rf"\b(?:{lexicon.alternation(AGREEMENT_NOUNS | PARTNER_NOUNS | MERGER_NOUNS)})s?\s+(?:talks\s+)?with\s+"
    r"(?:(?:the|a|an|its|[a-z-]+|U\.S\.)\s+){0,3}[A-Z]")

# a deal told as a company's noun ("Delta's planned acquisition of Northwest", "InBev's bid for Anheuser-Busch",
# "Sony's merger with Ericsson", "Acme completed its acquisition of Beta"): the owner and the other party, a deal
# wording for the gate, which otherwise keeps a deal sentence without a figure only with two names after its first
# word (the owner often is the first word)
POSSESSIVE_DEAL_RE = re.compile(
    r"(?:[A-Z][\w&.-]*['\u2019]s?|\b(?:its|their))\s+(?:[\w-]+\s+){0,2}"
    rf"(?:{lexicon.alternation(BUY_NOUNS | SALE_NOUNS | MERGER_NOUNS)})s?\s+(?:of|for|with|to)\s+"
    r"(?:(?:the|a|an|U\.S\.|[a-z-]+)\s+){0,2}[A-Z]")

# currencies find_money does not know, written as words after the amount; a longer name stands before its
# prefix in the data ("zlotys", "zloty"), so the longer one matches
_CROWN_CURRENCIES = lexicon.labels("deals", "crown_currencies")
_CURRENCY_NAMES = lexicon.labels("deals", "currency_names")
_AMOUNT_WORDS = r"(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<mag>thousand|million|billion|trillion|mln|bln)?\s+"
EXTRA_CURRENCIES = [
    (re.compile(rf"{_AMOUNT_WORDS}(?P<cur>{lexicon.alternation(_CROWN_CURRENCIES)})\s+"
                rf"(?:{lexicon.alternation(lexicon.phrases('deals', 'crown_words'))})", re.I), _CROWN_CURRENCIES),
    (re.compile(rf"{_AMOUNT_WORDS}(?P<cur>{lexicon.alternation(_CURRENCY_NAMES)})", re.I), _CURRENCY_NAMES),
]
# currency codes with a magnitude letter in front, as Nordic releases write them ('MEUR 97.5', 'BSEK 1.1'), and codes
# find_money does not read before an amount ('SEK 1.1 billion')
_CODE_LABELS = lexicon.labels("deals", "currency_codes")
_CODES = lexicon.alternation(code.upper() for code in _CODE_LABELS)
EXTRA_CURRENCIES.append((re.compile(rf"\b(?P<mag>[MB])(?P<cur>{_CODES})\s?(?P<num>\d[\d,]*(?:\.\d+)?)(?![\d,.]*\s*"
                                    r"(?:million|billion|mln|bln)\b)"), _CODE_LABELS))
EXTRA_CURRENCIES.append((re.compile(rf"\b(?P<cur>{_CODES})\s?(?P<num>\d[\d,]*(?:\.\d+)?)\s*"
                                    r"(?P<mag>thousand|million|billion|mln|bln)?\b"), _CODE_LABELS))
# a sum written as one hyphenated word before its noun ('a $1.2-billion deal', 'a 3.7-billion-euro takeover', 'a 1.2
# billion-euro deal'), which find_money does not read (its magnitude follows the number after a space); a hyphen and a
# sign, or a currency word hyphened to the magnitude, make it a sum ('a 1.2-billion gain' has no currency)
HYPHENATED_SUM_RE = re.compile(
    r"(?<![\w$])(?P<cur>US\$|C\$|A\$|HK\$|\$|€|£|¥)?(?P<num>\d[\d,]*(?:\.\d+)?)(?P<sep>-|\s+)"
    r"(?P<mag>thousand|million|billion|trillion)"
    rf"(?:-(?P<word>{lexicon.alternation(c for c in CURRENCY_CODES if c.isalpha())}))?\b", re.I)
DOLLAR_PREFIXES = lexicon.labels("deals", "dollar_prefixes")
DOLLAR_PREFIX_RE = re.compile(r"(?<![A-Za-z])([A-Z]{1,2})\$$")
# money figures that are not a deal's price: a company's size, a stock's price, a conversion
NOT_DEAL_VALUE_AFTER = re.compile(
    r"^\s*(?:in|of)\s+(?:[a-z-]+\s+)?(?:assets|revenues?|sales|turnover|deposits|"
    r"market\s+value|market\s+capitali[sz]ation|earnings|profits?|losses|debt\b(?!\s+included))", re.I)
# ... and the words before them: 'which has a market value of 1.32 trillion yen', 'annual sales of about 10 billion
# Swiss francs' (a company's size, not what is paid for it)
NOT_DEAL_VALUE_BEFORE = re.compile(
    r"\b(?:market\s+(?:value|capitali[sz]ation|cap)|revenues?|sales|turnover|profits?|earnings|assets|losses|debt)"
    r"\s+of\s+(?:about|around|roughly|some|nearly|almost|more\s+than|over|up\s+to)?\s*$"
    # 'whose market value is $1.82 billion', 'Adjusted operating profit more than doubled to 191 million euros', 'will
    # lift its annual profit by 180 million francs': a size or a result stated, or moved, in its own clause
    r"|\b(?:market\s+(?:value|capitali[sz]ation|cap)|revenues?|sales|turnover|profits?|earnings|income)"
    r"\s+(?:(?:is|was|stands\s+at|stood\s+at|by)|(?:\w+\s+){0,2}(?:"
    + lexicon.alternation(lexicon.words("deals", "value_move_verbs")) + r")\s+(?:\w+\s+)?to)"
    r"\s+(?:about|around|roughly|some|nearly|almost|more\s+than|over)?\s*$"
    # 'a gain on the sale of approximately 100 million pounds', 'analyst expectations of around 3.5 to 3.75 billion
    # francs': what the seller books or analysts guessed, not the price
    r"|\b(?:gain|expectations?|estimates?|forecasts?)\s+(?:[\w-]+\s+){0,3}?(?:of|at)\s+(?:about|around|roughly|"
    r"approximately|some|nearly|almost)?\s*(?:[\d.,]+\s+(?:to|and|-)\s+)?$", re.I)
NOT_DEAL_SUMS = lexicon.words("deals", "not_deal_sums")
NOT_DEAL_SUM_RE = re.compile(rf"^\s*(?:in\s+)?(?:[a-z-]+\s+)?(?:{lexicon.alternation(NOT_DEAL_SUMS)})\b")

MIN_DEAL_VALUE = 100_000  # smaller sums in a deal sentence are prices ("shares rose to $18.35"), not totals
# a seller and what it sells of its own, with no buyer named yet ('plans to sell its consumer health business', 'is
# exploring a sale of its radio stations'): a deal wording for the gate, though it names one company
OWN_SALE_RE = re.compile(rf"\b(?:(?:{lexicon.alternation(SELL_VERBS)})\w*|sold|{lexicon.alternation(SALE_NOUNS)})"
                         r"\s+(?:of\s+)?(?:its|their)\s+", re.I)
# a contract or order won ('it received a contract to provide 5 megawatts of storage', 'was awarded a contract'): a
# deal wording for the gate, though the client may go unnamed
_WON_FORMS = {"win": "won|wins|winning", "get": "got|gets|getting", "take": "took|takes|taking|taken",
              "bag": "bagged|bags|bagging"}
_WON_VERBS = "|".join(_WON_FORMS.get(v, rf"{v.removesuffix('e')}\w*")
                      for v in sorted(ORDER_WINNING_VERBS | AWARDING_VERBS))
CONTRACT_WON_RE = re.compile(
    r"\b(?:" + _WON_VERBS + r")\s+"
    r"(?:(?:a|an|the|its|their|new|first|second|multi-year|[\w$.,-]+-year|[\d$.,]+\s*(?:million|billion)?)\s+){0,3}"
    r"(?:" + lexicon.alternation(CONTRACT_NOUNS | {"order"}) + r")s?\b", re.I)
UNDISCLOSED_RE = re.compile(r"\b(?:undisclosed|unspecified|unnamed) (?:amount|sum|price|fee|terms)\b|"
                            r"\bterms (?:of the deal )?(?:were|was) not disclosed\b", re.I)



@dataclass
class DealFrame:
    """What one deal word says, before it becomes a claim."""

    trigger: Token
    deal_type: str
    parties: list[Party] = field(default_factory=list)
    quantity: float | None = None
    item: str | None = None
    party_tokens: set[int] = field(default_factory=set)
    needs_figure: bool = False  # two parties alone do not make this a deal
    one_party: bool = False  # one party makes it a deal: 'Acme is exploring a sale of its radio stations'

    def add(self, name: str | None, role: str, tok: Token | None = None) -> None:
        if not name:
            return
        key = company_key(name)
        if not key or any(company_key(p.name) == key for p in self.parties):
            return
        self.parties.append(Party(name=name, role=role))
        if tok is not None:
            self.party_tokens.add(tok.i)


# ---- names -------------------------------------------------------------------------------------

def company_key(name: str) -> str:
    """A party name reduced for comparison: 'Motorola Inc.' and 'Motorola' are one company."""
    text = LEGAL_SUFFIX_RE.sub("", name.strip())
    text = re.sub(r"\b(inc|corp|corporation|co|company|ltd|plc|llc|lp|sa|ag|nv|holdings?|group|the)\b\.?", " ",
                  text.lower())
    return " ".join(re.sub(r"[^a-z0-9&]+", " ", text).split())


# "MOUNTAIN VIEW, Calif., Feb. 10, 2025 (GLOBE NEWSWIRE) —": a press release's dateline, its state and year
_WIRES = lexicon.alternation(lexicon.phrases("deals", "wire_services"))
_STATE = r"(?:,\s*[A-Z][a-z]{1,9}\.?)?"
_DATELINE_DATE = rf"{_STATE}(?:,?\s*(?:[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+[A-Z][a-z]{{2,8}}" \
                 r"(?:\s+\d{4})?))?"
NAME_DATELINE_RE = re.compile(rf"^\s*[A-Z][A-Z .,'/]*[A-Z]{_DATELINE_DATE}"
                              rf"(?:\s*\((?:{_WIRES})\))?\s*[-–—]+\s+"
                              rf"|^\s*\((?:{_WIRES})\)\s*[-–—]*\s*")


# the date that opens an entry of a chronology ('2006 April 11 - ', 'Oct 6 - ', 'June 2 - ')
CHRONOLOGY_DATE_RE = re.compile(rf"^\s*(?:\d{{4}}\s+)?(?i:{MONTHS_ALT})\.?\s+\d{{1,2}}\s*[-–—]+\s+")


# a Reuters subheading run into the sentence after it ('UNSOLICITED OFFER Murdoch made ...'): capitalised words of four
# letters or more (function words between them) before a name in mixed case; 'ABN AMRO Bank' keeps its initials
SUBHEAD_RE = re.compile(r"^[A-Z][A-Z'-]{3,}\s+(?:(?:[A-Z][A-Z'-]{3,}|THE|OF|AND|FOR|TO|IN|ON|AT|A)\s+)+(?=[A-Z][a-z])")
PERSON_TITLE_RE = re.compile(rf"\s+(?:{lexicon.alternation(lexicon.phrases('deals', 'person_titles'))})\s+[A-Z].*$")


def _without_subhead_or_title(text: str) -> str:
    """'UNSOLICITED OFFER Murdoch' -> 'Murdoch'; 'Roche Chief Executive Officer Franz Humer' -> 'Roche': the company
    whose officer speaks, not the person."""
    rest = SUBHEAD_RE.sub("", text)
    if LEGAL_SUFFIX_RE.sub("", rest).strip(" ,"):
        text = rest
    company = PERSON_TITLE_RE.sub("", text)
    return company if company.strip() else text


def clean_name(text: str) -> str:
    """A party name as a reader writes it: no Reuters tags, brackets or legal-form suffix."""
    text = re.sub(r"\]\(.*$", "", text).replace("[", " ").replace("]", " ")  # markdown links from feeds
    # "CHICAGO (Reuters) - CVS", "STOCKHOLM - Modern Times Group": the dateline is no part of the name
    text = NAME_DATELINE_RE.sub("", text)
    text = CHRONOLOGY_DATE_RE.sub("", text)  # "April 11 - Nasdaq Stock Market": a chronology's date, no name
    # "( GM.N )", and "(LOGI-A.ST, LOGI-B.ST)" cut at its comma ("Logistea (LOGI-A.ST"): listing tags, no name
    text = re.sub(r"\(\s*[A-Z0-9.]+\s*\)"
                  r"|\s*\(\s*[A-Z0-9][A-Z0-9.-]*\.[A-Z]{1,3}(?:\s*,\s*[A-Z0-9][A-Z0-9.-]*)*\s*(?:\)|$)", " ", text)
    text = " ".join(t for t in text.split() if not RIC_TOKEN_RE.match(t))
    text = _without_subhead_or_title(re.sub(r"\s+", " ", text).strip(" ,;:-("))
    text = re.sub(r"\s*'s$|’s$|(?<=s)['’]$", "", text)  # "Nasdaq's", "Express Scripts'"
    # "the London Stock Exchange": the article the sentence put before the name is no part of it (a capital 'The'
    # may be: "The 401(k) Company")
    text = re.sub(r"^the\s+(?=[A-Z])", "", text)
    stripped = LEGAL_SUFFIX_RE.sub("", text).strip(" ,").removesuffix(" &")  # "Kohlberg Kravis Roberts & Co."
    return stripped if stripped else text


PARTY_ENTITIES_KEY = "analyzer.party_entities"  # user data: per token index, its party entity (while deals run)
KNOWN_WORDS_KEY = "analyzer.known_words"  # user data: the base model's dictionary words (while deals run)


def _entity_at(tok: Token) -> Span | None:
    if not tok.ent_type:  # outside every entity: no need to walk the doc's entities (hot in remember())
        return None
    by_token = tok.doc.user_data.get(PARTY_ENTITIES_KEY)
    if by_token is not None:
        return by_token.get(tok.i)
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end and ent.label_ in PARTY_ENTS:
            return ent
    return None


@contextmanager
def _party_entities(doc: Doc, known_words: frozenset[str] = frozenset()) -> Iterator[None]:
    """While the deals of a doc are read, each token's party entity is looked up, not searched for:
    ``doc.ents`` makes a ``Span`` of every entity on each access (entities never overlap); and the base model's
    dictionary words are at hand (``_a_name_the_tagger_missed``)."""
    doc.user_data[PARTY_ENTITIES_KEY] = {i: ent for ent in doc.ents if ent.label_ in PARTY_ENTS
                                         for i in range(ent.start, ent.end)}
    doc.user_data[KNOWN_WORDS_KEY] = known_words
    try:
        yield
    finally:
        doc.user_data.pop(PARTY_ENTITIES_KEY, None)
        doc.user_data.pop(KNOWN_WORDS_KEY, None)


def dictionary_words(nlp: Language) -> frozenset[str]:
    """The words the base model's lemmatizer knows (its index of English nouns, verbs, adjectives and adverbs);
    empty where the pipeline has no rule lemmatizer with that table."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(w for words in lookups.get_table("lemma_index").values() for w in words)


def _a_name_the_tagger_missed(tok: Token) -> bool:
    """'Corvane completed its acquisition of Beltran', 'Checkit agreed to acquire ...': a capitalised word the tagger
    took for a common noun (most often the first word of a sentence) that is no English word the base model knows,
    standing as a subject or an object: a company's name."""
    known = tok.doc.user_data.get(KNOWN_WORDS_KEY)
    return bool(known) and tok.tag_ == "NN" and tok.is_title and tok.is_alpha and len(tok) > 2 and \
        tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and tok.lower_ not in known and \
        tok.lemma_.lower() not in known


# a press release's defined term: 'Retail Opportunity Investments Corp. ("ROIC" or the "Company")'
DEFINED_COMPANY_RE = re.compile(r"(?P<name>[A-Z][\w.&'’-]*(?:[ ,]+[A-Z][\w.&'’-]*){0,6})\s*\((?:[^()]{0,40}?\bor\s+)?"
                                r"(?:the\s+)?[\"“]Company[\"”]\s*\)")


def _defined_company(tok: Token) -> str | None:
    """'the all-cash acquisition of the Company by Blackstone': in a release that defines 'the "Company"' as its
    issuer, the word stands for the issuer's name."""
    if tok.text != "Company" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    m = DEFINED_COMPANY_RE.search(doc_text(tok.doc)[:tok.idx])
    return clean_name(m.group("name")) if m else None


def _is_pronoun(tok: Token) -> bool:
    # 'IT services company', 'US banks': an acronym in capitals is a name, whatever pronoun it spells
    return tok.lower_ in PRONOUNS and not (len(tok.text) > 1 and tok.text.isupper())


def _definite_company(tok: Token) -> bool:
    """'the discount brokerage', 'the company': a company named earlier."""
    lemma = tok.lemma_.lower()
    return (lemma in COMPANY_NOUNS or lemma.endswith("maker")) and any(
        c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children)


def _name_span(tok: Token) -> str | None:
    """The proper name a noun phrase headed by ``tok`` names, without descriptors ('French rival Lyreco')."""
    tag = _ticker_tag(tok)
    if tag is not None:  # "Motorola Inc. MOT.N said": the tag stands for the name before it
        return _name_before_tag(tag)
    if tok.pos_ == "NOUN" and tok.is_title and any(c.i == tok.i + 1 and c.dep_ in ("amod", "appos", "compound")
                                                   and _ticker_tag(c) is not None for c in tok.children):
        return _capitalised_run(tok)  # "Harbor Ales HBA.N sweetened its bid": a name's last word taken for a noun
    if tok.lower_ in WEEKDAYS:
        return None  # "Monday's announcement of a deal by Acme": a day, no party
    ent = _entity_at(tok)
    if tok.pos_ != "PROPN" and not _tagged_acronym(tok, ent):
        if _a_name_the_tagger_missed(tok):
            return _capitalised_run(tok)
        return _government_of_a_nation(tok) or _name_behind_descriptor(tok)
    if ent is not None and ent.label_ not in ("NORP",):
        named = _entity_name(_side_of_preposition(ent, tok))
        if company_key(named):
            return named  # not 'LLC' alone, the tagger's entity of 'Chrysler LLC': the capitalised run is the name
    return _capitalised_run(tok)


def _government_of_a_nation(tok: Token) -> str | None:
    """'the Swiss government's sale of a stake in UBS': a government is a party by its nation's name."""
    nation = next((c for c in tok.children if c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE")), None)
    return f"{nation.text} {tok.text}" if tok.lemma_.lower() == "government" and nation is not None else None


def _side_of_preposition(ent: Span, tok: Token) -> Span:
    """'the Sinu-9 Block to Etablissements Maurel & Prom': the tagger ran two names into one entity across a
    lower-case 'to' or 'from'; the name is the part ``tok`` stands in."""
    cut = next((t for t in ent[1:-1] if t.is_lower and t.lower_ in ("to", "from")), None)
    if cut is None:
        return ent
    return ent.doc[cut.i + 1:ent.end] if tok.i > cut.i else ent.doc[ent.start:cut.i]


def _tagged_acronym(tok: Token, ent: Span | None) -> bool:
    """'an offer from French fashion retailer PPR': a company's name in capitals the tagger took for a common noun,
    the last word of an organisation's entity; so is a title-case last word after a proper noun ('Chapleau
    Resources')."""
    near = tok.doc[max(tok.i - 2, 0):tok.i + 3]  # not a headline in capitals
    if ent is not None and ent.label_ == "ORG" and ent.end == tok.i + 1 and len(ent) > 1 and tok.is_title and \
            tok.pos_ == "NOUN" and ent[0].pos_ == "PROPN":
        return True  # 'Chapleau Resources', 'Beta Holdings': a name's last word the tagger took for a common noun
    return ent is not None and ent.label_ == "ORG" and ent.end == tok.i + 1 and len(tok.text) > 1 and \
        tok.text.isupper() and any(t.is_lower for t in near)


def _ticker_tag(tok: Token) -> Token | None:
    """The first token of the ticker tag ``tok`` is part of, or None: 'MOT.N' is one token, but the tokenizer splits
    'DB1Gn.DE' and 'SIEGn.DE' at the dot after a lower-case letter, and 'DE' alone is no party."""
    doc = tok.doc
    start = end = tok.i
    while start > 0 and not doc[start - 1].whitespace_ and doc[start - 1].text not in ("(", "<", "["):
        start -= 1
    while end + 1 < len(doc) and not doc[end].whitespace_ and doc[end + 1].text not in (")", ">", "]"):
        end += 1
    return doc[start] if RIC_TOKEN_RE.match(doc[start:end + 1].text) else None


def _name_before_tag(tag: Token) -> str | None:
    doc = tag.doc
    j = tag.i - 1
    while j >= 0 and (doc[j].text in ("(", ")", ",") or doc[j].tag_ == "POS"):
        j -= 1  # "Hindalco Industries Ltd.'s ( HALC.BO ) planned takeover": the owner's tag
    return _name_span(doc[j]) if j >= 0 and doc[j].pos_ == "PROPN" else None


def _company_of_shares(tok: Token) -> str | None:
    """'Acme Power shares jumped after it said', 'Shares of Acme Corp rose after the company said': the company whose
    shares are the subject is the one 'it' and 'the company' stand for."""
    if tok.lower_ not in ("shares", "stock"):
        return None
    named = [c for c in tok.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"] or \
        [g for g in _prep_objects(tok, "of") if g.pos_ == "PROPN"]
    return _name_span(named[-1]) if named else None


def _is_company_noun(lemma: str) -> bool:
    return lemma in COMPANY_NOUNS or lemma.endswith("maker")


def _name_behind_descriptor(tok: Token) -> str | None:
    """'pharmaceutical giant Novartis', 'producer [Validus Energy](...)', "Norway's government", 'its U.S. Trust
    Corp. unit': the name a common noun stands beside."""
    lemma = tok.lemma_.lower()
    appos = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if appos is not None and lemma in COMPANY_NOUNS | UNIT_NOUNS | {"subsidiary", "parent"}:
        return _name_span(appos)
    if _is_company_noun(lemma):  # the name follows the descriptor
        following = _entity_after(tok)
        if following is not None:
            return _name_span(following)
    # "Norway's government": the possessor names the party
    poss = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if poss is not None and (lemma in COMPANY_NOUNS or lemma in ("division", "arm", "subsidiary")):
        return _name_span(poss)
    # "the sale of its U.S. Trust Corp. unit": the named compound of a unit noun
    if lemma in UNIT_NOUNS:
        named = [c for c in tok.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
        if named:
            return _name_span(named[-1])
    return _name_after_of(tok, lemma)


def _name_after_of(tok: Token, lemma: str) -> str | None:
    """'a unit of Beta Petroleum', 'the municipality of Lillestrom': the name after 'of' stands for the party."""
    if lemma not in PUBLIC_BODIES and lemma not in ("unit", "subsidiary", "affiliate", "arm", "division"):
        return None
    named = [g for g in _prep_objects(tok, "of") if g.pos_ == "PROPN"]
    return _name_span(named[0]) if named else None


def _entity_after(tok: Token) -> Token | None:
    """The first word of a named entity that starts right after ``tok`` (over an opening bracket)."""
    doc = tok.doc
    j = tok.i + 1
    while j < len(doc) and doc[j].text in ("[", "("):
        j += 1
    ent = _entity_at(doc[j]) if j < len(doc) else None
    return doc[j] if ent is not None and ent.start == j and ent.label_ in NAMED_ENTS else None


def _entity_name(ent: Span) -> str:
    """A named entity as a party name, its edges mended where the tagger cut it wrong."""
    start = _entity_name_start(ent)
    doc = ent.doc
    end = ent.end
    if doc[start].lower_ == "the" and end - start > 1:
        start += 1  # "the London Stock Exchange", "The U.S. Army": the article is no part of the name
    while end - 1 > start and doc[end - 1].is_lower and doc[end - 1].pos_ in ("ADP", "DET", "CCONJ", "PART"):
        end -= 1  # "Corvane Steel to": the tagger took a word too many
    if end < len(doc) and doc[end].like_num and doc[end].head.i in range(ent.start, ent.end) and \
            doc[end].dep_ in ("nummod", "appos", "compound"):
        end += 1  # "Phillips 66"
    return clean_name(doc[start:end].text)


def _entity_name_start(ent: Span) -> int:
    doc = ent.doc
    start = ent.start
    # "Payless ShoeSource" tagged as "ShoeSource": capitalised compounds before it belong to the name
    while start - 1 >= 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" and \
            doc[start - 1].is_title and _entity_at(doc[start - 1]) is None:
        start -= 1
    # "Anglo-Dutch Corus Group": a nationality in front is a descriptor, not the name
    # ... but "Korean Air Lines" is a name all through: a nationality tagged as a proper noun of the entity
    while start < ent.end - 1 and (doc[start].ent_type_ == "NORP"
                                   or (NATIONALITY_RE.fullmatch(doc[start].text) and doc[start].pos_ != "PROPN")
                                   or doc[start].text == "-"):
        start += 1
    return start


def _capitalised_run(tok: Token) -> str | None:
    """No entity: the run of capitalised words that ends at the head."""
    doc = tok.doc
    start = tok.i
    while start - 1 >= tok.left_edge.i and (doc[start - 1].pos_ in ("PROPN", "NUM") or doc[start - 1].text in
                                             ("&", "-", "(", ")") or (doc[start - 1].is_title
                                                                      and doc[start - 1].pos_ != "DET")):
        start -= 1
    if start - 1 >= tok.left_edge.i and doc[start - 1].lower_ == "the" and doc[start - 1].text == "The" and \
            not doc[start - 1].is_sent_start:
        start -= 1  # "The 401(k) Company": the article belongs to the name
    end = tok.i + 1
    while end < len(doc) and end <= tok.right_edge.i and doc[end].pos_ == "PROPN" and doc[end].head.i == tok.i \
            and doc[end].dep_ in ("compound", "flat", "appos") and not RIC_TOKEN_RE.match(doc[end].text):
        end += 1
    text = doc[start:end].text
    return clean_name(text) if text.strip() else None


# "NEW YORK (Reuters) - ", "OSLO, March 3 (Reuters) - ", "STOCKHOLM - "
DATELINE_RE = re.compile(rf"^\s*(?:[A-Z][A-Z .,'/-]+{_DATELINE_DATE}\s*)?(?:\((?:{_WIRES})\)\s*)?"
                         r"[-–—]+\s+")


# an item of a list: '** ', an escaped '\\*\\* ' (the wire's Markdown), '* ', '• '
BULLET_RE = re.compile(r"^\s*(?:(?:\\?\*){1,2}|•)\s")


# "Acme Holdings, Inc. (NYSE: ACM) today announced ...": a press release's opening name and its listing
LISTED_OPENER_RE = re.compile(r"^\s*(?P<name>[A-Z][\w&.'-]*(?:,?\s+[A-Z][\w&.'-]*){0,6}?)\s*\(\s*(?:"
                              + lexicon.alternation(lexicon.phrases("deals", "listing_exchanges"))
                              + r")\s*:\s*[A-Z][A-Z.]{0,6}\s*\)")


# "NEW YORK (Reuters) - Acme Corp ACME.N said ...": a wire story's opening name and its bare Reuters code
CODED_OPENER_RE = re.compile(r"(?!(?:Shares|Stock|Units)\b)"  # 'Shares of Acme ACM.N' opens with no company
                             r"(?P<name>[A-Z][\w&.'-]*(?:,?\s+(?:[A-Z][\w&.'-]*|&|of|and))*?),?\s+"
                             r"[A-Z0-9][A-Za-z0-9_]{0,6}\.[A-Z]{1,3}(?=[\s,]|$)")


def _listed_opener(sentence: Span, before: Token) -> str | None:
    """The company a press release's sentence opens with, named with its listing ('Acme Holdings, Inc. (NASDAQ:
    ACME) today announced it has completed ...') or a wire story's with its bare Reuters code after the dateline
    ('NEW YORK (Reuters) - Acme Corp ACME.N said it ...'): the tag breaks the small parser's subject, so 'it' is
    that name."""
    text = span_text(sentence)
    m = LISTED_OPENER_RE.match(text)
    if m is None:
        dateline = DATELINE_RE.match(text)
        m = CODED_OPENER_RE.match(text, dateline.end() if dateline else 0)
    if m is None or sentence.start_char + m.end() > before.idx:
        return None
    return clean_name(m.group("name")) or None


class Names:
    """Turns noun phrases into party names, resolving 'it', 'its' and 'the company' to a name."""

    def __init__(self) -> None:
        self.last_subject: str | None = None  # the last named subject in earlier sentences
        self.last_company: str | None = None  # ... of them, the last that is no person
        self.dateline_end = -1  # token index where the sentence's "NEW YORK (Reuters) -" ends
        self.avoid: set[str] = set()  # names an antecedent may not be (the deal's other parties)

    @contextmanager
    def avoiding(self, name: str | None) -> Iterator[None]:
        """While a deal's frame is read, 'it' and 'the company' may not be ``name`` (its other party); the rule
        ends with the frame, whichever way the frame ends, so it never reaches a later sentence."""
        self.avoid = {company_key(name)} if name else set()
        try:
            yield
        finally:
            self.avoid = set()

    def start_sentence(self, sentence: Span) -> None:
        if BULLET_RE.match(span_text(sentence)):
            # "** Harlow Goods said it would buy ...": each item of a list is a story of its own, so no name of the
            # item before may stand for 'it' or 'the British company' here
            self.last_subject = self.last_company = None
        m = DATELINE_RE.match(span_text(sentence))
        span = sentence.char_span(0, m.end(), alignment_mode="contract") if m else None
        self.dateline_end = span.end if span is not None else -1

    def name(self, tok: Token, sentence: Span) -> str | None:
        if tok.i < self.dateline_end:  # "NEW YORK (Reuters) - Walgreen Co said": the parse hangs it on the city
            later = [c for c in tok.subtree if c.i >= self.dateline_end and c.pos_ == "PROPN"
                     and not (c.dep_ == "compound" and c.head.pos_ == "NOUN")]  # not 'IT' of 'IT services'
            return _name_span(later[0]) if later else None  # by name only: an antecedent could lead back here
        if _is_pronoun(tok) and tok.lower_ in RELATIVE_PRONOUNS:
            head = _relative_clause(tok, len(tok.doc))
            if head is None:
                return None
            # "Shares of Acme, which agreed to be acquired by ...": the parser hangs the clause on the shares
            return self.name(head.head, sentence) or _company_of_shares(head.head)
        if _is_pronoun(tok):
            return self._antecedent(tok, sentence)
        defined = _defined_company(tok)
        if defined:
            return defined
        named = _name_span(tok)
        if named:
            return named
        if _definite_company(tok):
            return self._antecedent(tok, sentence)
        return None

    def _antecedent(self, tok: Token, sentence: Span) -> str | None:
        """The nearest named subject before ``tok`` in the sentence, else the last one before it (for 'it' or 'the
        bank', the last that is no person)."""
        for cand in reversed(sentence[: tok.i - sentence.start]):
            if cand.dep_ in ("nsubj", "nsubjpass") and not _is_pronoun(cand):
                named = self.name(cand, sentence) if cand.i < self.dateline_end else _name_span(cand)
                named = named or _company_of_shares(cand)
                if named and tok.lower_ in ("it", "its") and named.lower().startswith(PERSON_TITLES_LOWER):
                    continue  # "Chief Executive John Marsh said it would buy": 'it' is his company, named before
                if named and company_key(named) not in self.avoid:
                    return named
                if not named and not _definite_company(cand) and cand.lemma_.lower() not in TARGET_BODIES:
                    break  # 'Jacuzzi said its stockholders approved its merger': its people stand for it
        listed = _listed_opener(sentence, tok)
        if listed and company_key(listed) not in self.avoid:
            return listed
        last = self.last_company if _stands_for_a_company(tok, sentence) else self.last_subject
        if last and company_key(last) in self.avoid:
            return None
        return last

    def remember(self, sentence: Span) -> None:
        for tok in sentence:
            if tok.dep_ in ("nsubj", "nsubjpass") and not _is_pronoun(tok):
                named = self.name(tok, sentence) if tok.i < self.dateline_end else _name_span(tok)
                labels = {_entity_at(t).label_ for t in tok.doc[max(tok.i - 3, 0):tok.i + 4]
                          if _entity_at(t) is not None}
                if named and (labels & {"ORG", "PERSON"} or _unread_name(tok)):
                    self.last_subject = named
                    if not _a_persons_name(tok, named):
                        self.last_company = named


def _a_persons_name(tok: Token, named: str) -> bool:
    """'Chief Executive Ken Thompson', 'John Marsh': a person's name has a first name and a surname (the tagger takes a
    one-word company, 'Validus', for a person at times)."""
    ent = _entity_at(tok)
    return ent is not None and ent.label_ == "PERSON" and len(named.split()) >= 2


def _stands_for_a_company(tok: Token, sentence: Span) -> bool:
    """'the bank', or 'it' after 'The bank said': a company noun, or a pronoun whose sentence names its subject by
    one, stands for a company, never for the person quoted before ('Chief Executive John Marsh told analysts')."""
    if _definite_company(tok) or tok.lower_ in ("it", "its"):
        return True  # ('it' is no person)
    return _is_pronoun(tok) and any(c.dep_ in ("nsubj", "nsubjpass") and _definite_company(c)
                                    for c in sentence[: tok.i - sentence.start])


def _unread_name(tok: Token) -> bool:
    """A subject written as a name in a sentence whose entities were not read (outside scoped_ner's scope: 'MetLife
    said ...' before 'the insurer ... its acquisition of'), which the entities would have made an ORG or a
    PERSON; a heading in capitals is none."""
    return tok.ent_iob == 0 and tok.pos_ == "PROPN" and not tok.is_upper


# ---- the parse around a deal word ---------------------------------------------------------------

def _children(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _prep_objects(tok: Token, *preps: str) -> list[Token]:
    """Objects of the given prepositions hanging off ``tok`` ('to Bank of America')."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ == "pobj")
            # "merge with Beta Inc to create ...": the parser makes the name the subject of a clause after 'with'
            out.extend(s for g in c.children if g.dep_ == "pcomp" for s in g.children if s.dep_ == "nsubj")
    return out


def _conjuncts(tok: Token) -> list[Token]:
    return [tok, *(c for c in tok.conjuncts if c.i > tok.i)]


def _named_conjuncts(tok: Token) -> list[Token]:
    """A phrase and the names coordinated with it, also behind a descriptor: 'private equity firms Carlyle Group and
    Onex Corp.', 'BlackRock and Bank of New York Mellon'."""
    named = [a for a in tok.children if a.dep_ == "appos" and a.pos_ == "PROPN"]
    return _conjuncts(tok) + [c for a in named[:1] for c in a.conjuncts if c.i > a.i]


def _agent(verb: Token) -> Token | None:
    """The doer of a deal verb: its subject, or the subject of the verbs and nouns that govern it."""
    node = verb
    infinitive = False  # reached the node from an infinitive below it
    for _ in range(6):
        # the last: 'NEW YORK (Reuters) - Hewlett-Packard Co is making ...' has the dateline as a subject too
        # "Acme is expected to buy Beta", "Acme was forced to sell its unit": the passive subject of a verb above
        subj = next((c for c in reversed(list(node.children)) if c.dep_ == "nsubj" or
                     c.dep_ == "nsubjpass" and infinitive), None) or _coded_subject(node)
        if subj is not None:
            return subj
        infinitive = infinitive or _to_infinitive(node)
        if node.dep_ == "relcl" and node.head.lemma_.lower() not in FRAME_NOUNS:
            return node.head
        if node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PROPN"):
            noun = node.head  # "plans to sell", "a deal to buy": the noun's verb or owner
            doer = _maker_of_noun(noun)
            if doer is not None:
                return doer
            if _headline_doer(noun, node):
                return noun
            node = noun.head
            continue
        if node.dep_ in ("xcomp", "ccomp", "conj", "advcl", "pcomp", "dobj", "pobj", "prep", "acomp") and \
                node.head.i != node.i:
            node = node.head
            continue
        return None
    return None


def _coded_subject(verb: Token) -> Token | None:
    """'Acme Inc. ACME.N entered into deals to license ...': the small parser hangs a bare Reuters code before the
    verb as a modifier and leaves the verb no subject; the code, standing for the name before it, is the subject."""
    return next((c for c in verb.children if c.i < verb.i and c.dep_ in ("advmod", "npadvmod", "dep")
                 and _ticker_tag(c) is not None and c.i > 0 and c.nbor(-1).pos_ == "PROPN"), None)


def _headline_doer(noun: Token, verb: Token) -> bool:
    """A headline's future told by an infinitive, 'GSI to buy e-commerce provider for $97.5 mln', parsed with the
    name as the root and the verb hung from it: the name is the doer. So is a capitalised word the tagger took for a
    common noun in a headline ('Crocs to acquire Bite Footwear', 'Dentsply to buy Sultan Healthcare'), unless it is a
    deal's own word ('Plans to sell ...')."""
    if noun.dep_ != "ROOT" or verb.i < noun.i or not _to_infinitive(verb):
        return False
    return noun.pos_ == "PROPN" or _headline_root_name(noun) is not None


def _to_infinitive(verb: Token) -> bool:
    """A verb with its 'to' ('to buy', 'to submit')."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _headline_subject(agent: Token, sentence: Span, names: Names) -> tuple[Token, str | None]:
    """Who does a headline's 'to buy' when the tagger took the name for a common noun ('Crocs to acquire Bite
    Footwear', 'IHOP to buy Applebee's chain') or the wire's label for the root ('UPDATE 1-Canada's Magellan Minerals
    to buy Chapleau Resources': the name stands beside the label)."""
    if WIRE_LABEL_RE.match(span_text(sentence)) and agent.dep_ == "ROOT" and agent.is_upper:
        beside = next((c for c in agent.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if beside is not None:
            return beside, names.name(beside, sentence)
    return agent, _headline_root_name(agent)


# a wire's label before a headline: 'UPDATE 2-', 'CORRECTED-', 'TEXT-'
WIRE_LABEL_RE = re.compile(r"^(?:[A-Z]{3,}(?:\s+\d+)?\s*-\s*)+")


def _headline_root_name(noun: Token) -> str | None:
    """The name a headline opens with, when the tagger took it for a common noun and made it the root ('Crocs to
    acquire Bite Footwear', 'IHOP to buy ...'): the capitalised words from the headline's start to the root."""
    sentence = noun.sent
    if noun.dep_ not in ("ROOT", "nsubj") or not (noun.is_title or noun.is_upper) or \
            not _headline_shaped(span_text(sentence)) or noun.lemma_.lower() in FRAME_NOUNS | DEAL_NOUNS | DEAL_VERBS:
        return None
    words = sentence.doc[noun.left_edge.i:noun.i + 1]
    if any(t.is_lower and t.is_alpha for t in words) or any(t.pos_ in ("VERB", "AUX", "ADP") for t in words):
        return None  # 'Canada pension fund', 'Bids for ...': no name alone
    name = clean_name(WIRE_LABEL_RE.sub("", words.text))
    return name if company_key(name) else None


def _maker_of_noun(noun: Token) -> Token | None:
    """Who makes 'its plan to sell', or 'an offer by Rhein Motors to buy Falke' (a bid's 'by' phrase)."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    by = _prep_objects(noun, "by") if noun.lemma_.lower() in BUY_NOUNS else []
    return by[0] if by else None


def _item_phrase(noun: Token) -> tuple[float, str] | None:
    """'four new C-130J Hercules cargo planes' -> (4, 'C-130J Hercules cargo planes')."""
    num = next((c for c in noun.children if c.dep_ == "nummod" and c.pos_ == "NUM"), None)
    if num is not None and noun.conjuncts:  # "15 Boeing 777 airplanes and 30 Boeing 737s": one order
        parts = [_item_phrase_one(c) for c in (noun, *noun.conjuncts)]
        if all(parts):
            return sum(p[0] for p in parts), " and ".join(p[1] for p in parts)  # type: ignore[index]
    return _item_phrase_one(noun)


def _item_phrase_one(noun: Token) -> tuple[float, str] | None:
    num = next((c for c in noun.children if c.dep_ == "nummod" and c.pos_ == "NUM"), None)
    if num is None or not _counts_goods(noun, num):
        return None
    words = [t for t in num.subtree if t.pos_ == "NUM"]
    quantity = _count(words)
    if quantity is None:
        return None
    start = max(t.i for t in num.subtree) + 1
    tokens = [t for t in noun.doc[start:noun.i + 1] if t.lower_ not in ITEM_SKIP and t.pos_ != "PUNCT"
              or t.text == "-"]
    item = " ".join(t.text for t in tokens).replace(" - ", "-")
    return (quantity, item) if item else None


def _counts_goods(noun: Token, num: Token) -> bool:
    """Whether ``num`` counts the things ``noun`` names: not a company's name, a share count or a sum of money."""
    ent = _entity_at(noun)
    if ent is not None and ent.label_ == "ORG" and ent.start <= num.i:
        return False  # "89 Energy III" is a company's name, not 89 of something
    if noun.lemma_.lower() in MAGNITUDES or noun.lower_ in NOT_GOODS:
        return False
    if _is_company_noun(noun.lemma_.lower()) or noun.pos_ == "PROPN" and any(
            t.i < num.i and _is_company_noun(t.lemma_.lower()) for t in noun.subtree):
        return False  # "seven property companies" are bought as companies; "rival 89 Energy III" is a name
    return not any(c.tag_ == "$" or c.lower_ in ("$", "€", "£") for c in num.subtree)


def _count(words: list[Token]) -> float | None:
    """The number the number words say: '103', 'four', '1.2 million'."""
    text = " ".join(t.text for t in words)
    try:
        quantity = parse_number(text) if len(words) == 1 else sum(parse_number(w.text) for w in words)
    except ValueError:
        if text.lower() not in WORD_NUMBERS:
            return None
        quantity = float(WORD_NUMBERS[text.lower()])
    mag = next((t for t in words if t.lower_ in MAGNITUDES), None)
    if mag is not None and len(words) > 1:  # "1.2 million barrels"
        try:
            return parse_number(words[0].text) * MAGNITUDES[mag.lower_]
        except ValueError:
            return None
    return quantity


def _own_item(obj: Token) -> str | None:
    """'its coatings unit' -> 'coatings unit': the thing sold when it has no name of its own."""
    if obj.pos_ not in ("NOUN",) or obj.lemma_.lower() not in UNIT_NOUNS:
        return None
    words = [t for t in obj.subtree if t.i <= obj.i and t.dep_ not in ("poss", "det", "case") and t.pos_ != "PUNCT"]
    return " ".join(t.text for t in words) or None


def _is_company(name: str | None, tok: Token) -> bool:
    return bool(name) and (tok.pos_ == "PROPN" or _entity_at(tok) is not None or _is_pronoun(tok)
                           or _ticker_tag(tok) is not None or _definite_company(tok)
                           or tok.lemma_.lower() in UNIT_NOUNS or _named_by_apposition(tok))


def _named_by_apposition(tok: Token) -> bool:
    """'its biggest lender Nordbank': a company noun with the company's name beside it."""
    return _is_company_noun(tok.lemma_.lower()) and any(c.dep_ == "appos" and c.pos_ == "PROPN"
                                                        for c in tok.children)


class DealClaims(ExtractComponent):
    kinds = ("deal",)

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self.known_words = dictionary_words(nlp)

    def __call__(self, doc: Doc) -> Doc:
        names = Names()
        claims: list[Claim] = []
        published = local_published(doc._.published).date() if doc._.published else None
        last: tuple[int, Claim] | None = None  # the deal told last, and in which sentence
        with _party_entities(doc, self.known_words):
            for n, sentence in enumerate(doc.sents):
                names.start_sentence(sentence)
                if BULLET_RE.match(span_text(sentence)):
                    last = None  # a list's new item names no deal of the item before
                headline = _title_case_purchase(doc, sentence, published)  # its parse is a jumble: read it first
                found = [headline] if headline is not None else self._sentence_claims(doc, sentence, names, published)
                found = found or [c for c in [_headline_partners(doc, sentence, published)] if c is not None]
                if not found:
                    found = _after_a_telling(doc, sentence, names, last[1] if last is not None else None,
                                             n - last[0] if last is not None else 0, published)
                if found:
                    last = (n, found[-1])
                claims.extend(found)
                names.remember(sentence)
        _spell_out_parties(doc, claims)
        add_claims(doc, _without_re_mentions(claims))
        return doc

    # -- one sentence ----------------------------------------------------------------------------
    def _sentence_claims(self, doc: Doc, sentence: Span, names: Names, published: date | None) -> list[Claim]:
        frames: list[DealFrame] = []
        for tok in sentence:
            frame = None
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma in PRIVATE_TAKING_VERBS and (
                    private := _take_private_frame(tok, sentence, names)) is not None:
                frame = private
            elif tok.pos_ == "VERB" and lemma in DEAL_VERBS:
                frame = _verb_frame(tok, sentence, names)
                frames.extend(_split_order_frames(frame, tok, sentence, names) if frame is not None else [])
            # a deal noun in the singular: the tagger's plural tag on a singular form ('a $8.2 billion buyout' read
            # as NNS) does not count, its plural ('sales') does
            elif tok.pos_ == "NOUN" and lemma in DEAL_NOUNS and (tok.tag_ == "NN" or tok.lower_ == lemma
                                                                 or _bids_for(tok)) or \
                    (tok.pos_ == "NOUN" and lemma == "order"):
                frame = _noun_frame(tok, sentence, names)
                frames.extend(_split_order_frames(frame, tok, sentence, names) if frame is not None else [])
            if frame is not None:
                frames.append(frame)
        _targets_of_rival_bids(frames)
        frames = _merge_frames(frames)
        claims = []
        for frame in frames:
            claim = _claim(doc, sentence, frame, frames, published)
            if claim is not None:
                claims.append(claim)
        return claims


def _after_a_telling(doc: Doc, sentence: Span, names: Names, told: Claim | None, distance: int,
                     published: date | None) -> list[Claim]:
    """A sentence that gave no deal of its own: the price after a listing tag of the deal told just before, a deal
    named again with a figure of its own (``told``, ``distance`` sentences back), a deal that values a company."""
    if told is not None and distance == 1 and _continues_after_tag(sentence):
        _value_after_tag(sentence, told)
        return []
    near = told if told is not None and distance <= FOLLOW_UP_SENTENCES else None
    found = _follow_up_claim(doc, sentence, near, published) if near is not None else None
    found = found or _valued_company_claim(doc, sentence, names, near, published)
    return [found] if found is not None else []


def _targets_of_rival_bids(frames: list[DealFrame]) -> None:
    """'Borse Dubai's offer for OMX, which topped an earlier bid by Nasdaq', 'a rival bid by Acme': a bid by a named
    bidder that competes with a bid for one company in the sentence is for that company too."""
    targets = {company_key(p.name): p.name for f in frames if f.deal_type == "acquisition"
               for p in f.parties if p.role == "target"}
    if len(targets) != 1:
        return
    for frame in frames:
        if frame.deal_type == "acquisition" and _a_rival_bid(frame.trigger) and \
                any(p.role == "acquirer" for p in frame.parties) and not any(p.role == "target" for p in frame.parties):
            frame.add(next(iter(targets.values())), "target")


def _a_rival_bid(noun: Token) -> bool:
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in BUY_NOUNS:
        return False
    topped = noun.dep_ == "dobj" and noun.head.lemma_.lower() in TOPPING_VERBS
    return topped or any(c.dep_ in ("amod", "compound") and c.lower_ in RIVAL_BID_WORDS for c in noun.children)


def _continues_after_tag(sentence: Span) -> bool:
    """'... agreed to acquire Algoma Steel Inc. | AGA.TO for C$1.85 billion in cash': a foreign listing's tag after
    'Inc.' opens a sentence of the parse; the words after it carry on the sentence before."""
    first = next((t for t in sentence if not t.is_space), None)
    if first is None or RIC_TOKEN_RE.match(first.text) is None or first.i == 0:
        return False
    before = next((t for t in reversed(first.doc[max(first.i - 3, 0):first.i]) if not t.is_space), None)
    # the sentence before ends in a legal form's abbreviation ('Inc.', 'Ltd.', 'Corp.'): the tag follows a name
    return before is not None and before.text.endswith(".") and before.text[:1].isupper() and len(before.text) <= 5


def _value_after_tag(sentence: Span, told: Claim) -> None:
    """The price of the deal told just before the tag, when that sentence gave none."""
    if told.value is None:
        value, stated = _deal_value(sentence, 0, len(span_text(sentence)))
        if value is not None:
            told.value = value
            told.stated = {**told.stated, "value": stated or ""}


def _spell_out_parties(doc: Doc, claims: list[Claim]) -> None:
    """'GM agreed to sell Allison' after 'General Motors', 'BGI' after 'Barclays Global Investors': a party named by
    its initials is the one company the story spelled out before (the corpus names a party by its whole name); two
    such companies: neither. A short name that begins a longer one ('Rio' after 'Rio Tinto', 'Validus' after 'Validus
    Energy') stays as written: the corpus writes it both ways (train: the whole name; dev: the short one)."""
    for claim in claims:
        for party in claim.parties:
            if " " in party.name or not party.name.isupper():
                continue
            longer = {clean_name(_without_dateline(e)) for e in organization_names(doc)
                      if e.start_char < claim.char_end and _abbreviates(party.name, _without_dateline(e))}
            if len({company_key(name) for name in longer}) == 1:
                party.name = max(longer, key=lambda name: (len(name), name))


def _without_re_mentions(claims: list[Claim]) -> list[Claim]:
    """One claim per telling of a deal (the corpus' rule on re-mentions): a later sentence that speaks again of a deal
    told in an earlier one ('Alcoa expects to extend its offer for Alcan', 'Trend Micro has been exploring a sale')
    and adds no part of it (no value or quantity not told, no party not named before) is no new claim. A first telling
    is never dropped, nor a re-mention that moves talks to an agreement."""
    kept: list[Claim] = []
    for claim in claims:
        # a headline or a key-points bullet is read apart from the story (the corpus' convention): the body's first
        # telling of its deal is a telling of its own
        told = [e for e in kept if e.char_end <= claim.char_start and _same_kind_of_deal(e, claim)
                and not _headline_shaped(e.sentence)]
        if not any(_re_mentions(claim, e, told) for e in told):
            kept.append(claim)
    return kept


def _same_kind_of_deal(told: Claim, claim: Claim) -> bool:
    """One deal read as its type, or as a purchase from the other side ('ordered 20 jets from Belmont' then 'would buy
    the jets from Belmont', 'sold Beta to Acme' then 'Acme's purchase of Beta'); a partnership or a merger is another
    deal than a purchase by the same companies."""
    return told.deal_type == claim.deal_type or {told.deal_type, claim.deal_type} <= set(PURCHASE_TYPES)


def _re_mentions(claim: Claim, told: Claim, earlier: list[Claim]) -> bool:
    """Whether ``claim`` speaks again of the deal ``told`` with no part of its own; ``earlier`` are the deals of its
    type told before it, whose values and quantities count as told."""
    if not claim.parties or not all(any(_same_party(p.name, q.name) for q in told.parties) for p in claim.parties):
        return False  # a party not named before (or none named: nothing ties it to the deal told)
    if told.status == "rumored" and claim.status in ("announced", "reported"):
        return False  # 'Fiat sealed the deal' after talks: the agreement is a telling of its own
    related = [e for e in earlier if any(_same_party(p.name, q.name) for p in claim.parties for q in e.parties)]
    if claim.value is not None and not any(e.value is not None and e.value.currency == claim.value.currency
                                           and abs(e.value.amount - claim.value.amount) <= 0.01 * e.value.amount
                                           for e in related):
        return False  # a value of its own
    return claim.quantity is None or any(e.quantity == claim.quantity for e in related)


def _same_party(a: str | None, b: str | None) -> bool:
    """'Nippon' and 'Nippon Steel', 'HP' and 'Hewlett-Packard' (its initials), 'Alcoa Inc.' and 'Alcoa': one company
    named twice."""
    key_a, key_b = company_key(a or ""), company_key(b or "")
    if not key_a or not key_b:
        return False
    short, long = sorted((key_a, key_b), key=len)
    initials = "".join(w[0] for w in long.split()) if " " in long and " " not in short else ""
    return short in (long, initials) or long.startswith(short + " ") and len(short) >= 3 \
        or _abbreviates(a or "", b or "") or _abbreviates(b or "", a or "")


def _headline_shaped(text: str) -> bool:
    """A headline or a bullet ('* Elliott builds $2.5 billion stake in Acme'): short, with no closing stop."""
    stripped = text.strip()
    return len(stripped.split()) <= HEADLINE_MAX_WORDS and stripped[-1:] not in ".!?\"'”"


def _bids_for(noun: Token) -> bool:
    """'were preparing separate bids for Alcoa': bids in the plural for a named company (not 'a spate of mergers')."""
    return noun.lemma_.lower() in BID_VERBS and bool(_prep_objects(noun, "for"))


# ---- deal verbs: "agreed to buy X", "sold its unit to Y", "will pay $1 billion for Z" --------------------

@dataclass
class VerbRoles:
    """The words around a deal verb: its doer (the 'by' phrase of a passive) and what it acts on."""

    verb: Token
    agent: Token | None
    agent_name: str | None
    objects: list[Token]


def _verb_roles(verb: Token, sentence: Span, names: Names) -> VerbRoles:
    agent = _agent(verb)
    agent_name = names.name(agent, sentence) if agent is not None else None
    if agent is not None and agent_name is None and agent.pos_ != "PROPN" and _to_infinitive(verb):
        agent, agent_name = _headline_subject(agent, sentence, names)
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is None and any(c.dep_ == "auxpass" for c in verb.children) and _prep_objects(verb, "by"):
        passive = agent  # "entered into an agreement to be acquired by Delta": the one that agreed is acquired
    objects = _children(verb, ("dobj",)) or _up_to(verb) or _object_of_the_relative(verb)
    if passive is not None:  # "Lyreco was bought by Corporate Express"
        objects = [passive]
        by = _prep_objects(verb, "by")
        agent, agent_name = (by[0], names.name(by[0], sentence)) if by else (None, None)
    return VerbRoles(verb, agent, agent_name, objects)


def _a_funds_size(verb: Token) -> bool:
    """'Oakline Advisors, which invests $2.4 billion': what a fund does as a rule, told in a relative clause in the
    present with nothing invested in, is its size, no deal ('Gulf Wealth invests $2 billion in Acme', a headline's
    present, is one)."""
    return verb.dep_ == "relcl" and verb.tag_ in ("VBZ", "VBP") and not any(
        t.dep_ == "prep" and t.lower_ in ("in", "into") for t in verb.subtree)


def _object_of_the_relative(verb: Token) -> list[Token]:
    """'the securities that it has chosen to buy': the parser hangs the relative pronoun on the verb above the
    infinitive; what is bought is the noun the clause hangs on."""
    above = verb.head
    if verb.dep_ != "xcomp" or above.dep_ != "relcl" or not any(
            c.dep_ == "dobj" and c.lower_ in RELATIVE_PRONOUNS for c in above.children):
        return []
    return [above.head]


def _take_private_frame(verb: Token, sentence: Span, names: Names) -> DealFrame | None:
    """'Zeta Partners agreed to take Acme private for $3 billion', 'Acme will be taken private by Zeta': a buyout, the
    one that takes the company private its acquirer (the parser may hang the company on 'private')."""
    private = next((c for c in verb.children if c.lower_ in PRIVATE_WORDS and c.dep_ in (
        "dobj", "oprd", "acomp", "advmod", "ccomp", "xcomp", "amod")), None)
    if private is None:
        return None
    roles = _verb_roles(verb, sentence, names)
    targets = [c for c in private.children if c.dep_ in ("compound", "nsubj")] or [
        o for o in roles.objects if o.i != private.i]
    frame = DealFrame(verb, "acquisition")
    with names.avoiding(roles.agent_name):
        for target in targets[:1]:
            name = names.name(target, sentence)
            if _is_company(name, target):
                frame.add(name, "target", target)
    if not frame.parties:
        return None
    frame.add(roles.agent_name, "acquirer", roles.agent)
    return frame


def _up_to(verb: Token) -> list[Token]:
    """'acquiring up to a 35 percent stake in Beta': the parser takes 'up' for a particle and the stake for the object
    of 'to'."""
    if not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return []
    return _prep_objects(verb, "to")


def _verb_frame(verb: Token, sentence: Span, names: Names) -> DealFrame | None:
    lemma = verb.lemma_.lower()
    if lemma in NEEDS_PARTICLE and not any(c.dep_ == "prt" and c.lower_ == NEEDS_PARTICLE[lemma]
                                           for c in verb.children):
        return None
    if _taking_a_post(verb):
        return None
    roles = _verb_roles(verb, sentence, names)
    if lemma in BUY_VERBS | REPURCHASE_VERBS or lemma in ORDER_VERBS:
        return _buy_verb_frame(roles, "order" if lemma in ORDER_VERBS else "acquisition", sentence, names)
    build = VERB_FRAMES.get(next((kind for kind, lemmas in VERB_KINDS if lemma in lemmas), ""))
    return build(roles, sentence, names) if build is not None else None


PERSON_TITLES_LOWER = tuple(t.lower() for t in lexicon.phrases("deals", "person_titles"))


def _taking_a_post(verb: Token) -> bool:
    """'Roe took over as CEO from Doe', 'she takes over as chairman': a person taking a job, no deal."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and any(
        " ".join(t.lower_ for t in g.subtree).removeprefix("the ").startswith(PERSON_TITLES_LOWER)
        for g in c.children if g.dep_ == "pobj") for c in verb.children)


def _not_a_purchase(roles: VerbRoles) -> bool:
    """'bought back 2 million shares' (a buyback), 'a judge ordered Acme to pay damages' (a command): no deal."""
    verb = roles.verb
    if verb.lemma_.lower() in REPURCHASE_VERBS or any(c.dep_ in ("prt", "advmod") and c.lower_ == "back"
                                                       for c in verb.children):
        # a buyback, unless what is bought back is another's ("Icahn's stake") or a stake in another company ("will
        # repurchase a 25 percent stake in its mobile unit from Vodacall")
        return not any(c.dep_ == "poss" and not _is_pronoun(c) for o in roles.objects for c in o.children) and \
            not any(_is_stake(o) for o in roles.objects)
    return verb.lemma_.lower() in ORDER_VERBS and any(c.dep_ in ("xcomp", "ccomp") for c in verb.children) and \
        not any(_item_phrase(o) for o in roles.objects)


def _buy_verb_frame(roles: VerbRoles, deal_type: str, sentence: Span, names: Names) -> DealFrame | None:
    verb, agent_name = roles.verb, roles.agent_name
    if _not_a_purchase(roles):
        return None
    frame = DealFrame(verb, deal_type)
    if not roles.objects:  # "acquire steelmaker Algoma Steel Inc. AGA.TO": a broken parse; the name after the verb
        roles.objects = _name_after(verb)
    with names.avoiding(agent_name):
        bought = _bought_things(frame, roles.objects, sentence, names)
    if not bought:
        return None  # a purchase of securities
    buyer_role = "buyer" if frame.deal_type == "order" else "acquirer"
    _add_buyers(frame, roles, buyer_role, sentence, names)
    sellers = _prep_objects(verb, "from") + [g for o in roles.objects for g in _prep_objects(o, "from")]
    # "a $6 billion portfolio of mortgage loans from Pine Financial": the parser hangs 'from' on what the asset is of
    sellers += [g for o in roles.objects for of in _prep_objects(o, "of") for g in _prep_objects(of, "from")]
    sellers += [g for o in roles.objects for g in _built_by(o)]
    _add_each(frame, sellers, "seller", sentence, names)
    if frame.deal_type == "order" and not any(p.role == "seller" for p in frame.parties):
        _add_maker(frame, roles.objects)
    if frame.deal_type == "acquisition":
        _sale_without_target(frame)
    _stake_bought_without_seller(frame, roles.objects)
    return frame


def _add_buyers(frame: DealFrame, roles: VerbRoles, role: str, sentence: Span, names: Names) -> None:
    """The doer of a buying verb first, with the companies coordinated with it; 'agreed to be bought ... by a group
    led by private equity firms KKR and TPG': the firms that lead it."""
    agent, agent_name = roles.agent, roles.agent_name
    members = _group_members(agent) if agent is not None else []
    if members:  # "a consortium made up of Oakline and Redwood agreed to buy": the members buy, not 'the consortium'
        _add_each(frame, members, role, sentence, names)
    elif agent_name and not any(company_key(p.name) == company_key(agent_name) for p in frame.parties):
        frame.parties.insert(0, Party(agent_name, role))
        frame.party_tokens.add(agent.i if agent is not None else roles.verb.i)
        _co_buyers(frame, agent, role, sentence, names)
        _add_each(frame, _teamed_with(roles.verb), role, sentence, names)
    elif not agent_name and agent is not None and agent.dep_ == "pobj":
        _add_each(frame, [t for led in _led_by(agent)[:3] if led.i != agent.i for t in _named_conjuncts(led)],
                  role, sentence, names)


def _co_buyers(frame: DealFrame, agent: Token | None, role: str, sentence: Span, names: Names) -> None:
    """'Kestrel Partners and Vance Capital agreed to buy Orland Foods': each company of the subject buys."""
    for tok in (_named_conjuncts(agent)[1:] if agent is not None and agent.dep_ == "nsubj" else []):
        name = names.name(tok, sentence)
        if _a_company_party(tok, name):
            frame.add(name, role, tok)


def _split_order_frames(frame: DealFrame, verb: Token, sentence: Span, names: Names) -> list[DealFrame]:
    """'ordered 250 jets from Airbus and 220 from Boeing', '200 Airbus A321neos and 260 of Boeing's 737 MAX jets', '30
    A320neo jets from Airbus and 20 737 MAX jets from Boeing': an order split between suppliers is one order from
    each; the verb's frame holds the first, these the others."""
    if frame.deal_type != "order":
        return []
    buyers = [Party(p.name, p.role) for p in frame.parties if p.role == "buyer"]
    split = []
    for obj, part in _order_shares(verb):
        order = _supplier_order(frame, obj, part, buyers, sentence, names) if buyers else None
        if order is None:
            continue
        split.append(order)
        if part.pos_ == "NOUN" and frame.quantity is not None and order.quantity is not None and \
                frame.quantity > order.quantity:
            frame.quantity -= order.quantity  # the first share counted alone, not with this one
    return split


def _order_shares(trigger: Token) -> list[tuple[Token, Token]]:
    """(first share, another share) of an order told with its goods: 'ordered 40 jets from Airbus and 30 from Boeing',
    'placed orders for 40 jets from Airbus and 30 from Boeing' (the goods of the noun 'orders'), 'would buy 40 jets
    from Airbus and 30 from Boeing' (the parser hangs '30' on the verb)."""
    if trigger.pos_ == "NOUN":
        objects = _prep_objects(trigger, "for")
    else:
        objects = [g for o in _children(trigger, ("dobj",)) for g in [o, *_prep_objects(o, "for")]]
    pairs = [(o, c) for o in objects for c in o.children if c.dep_ == "conj"]
    if objects and trigger.pos_ == "VERB":
        pairs += [(objects[0], c) for c in trigger.children if c.dep_ == "conj" and c.pos_ == "NUM"]
    return pairs


def _supplier_order(frame: DealFrame, obj: Token, part: Token, buyers: list[Party], sentence: Span,
                    names: Names) -> DealFrame | None:
    """The order of one more supplier in a split order: its count, goods and maker."""
    quantity = _count([part]) if part.pos_ == "NUM" else None
    goods, maker = _supplier_share(obj, part)
    counted = [c for c in part.children if c.dep_ == "nummod" and _counts_goods(part, c)][:1]
    if quantity is None and counted and part.pos_ == "NOUN":
        # "30 A320neo jets from Airbus and 20 737 MAX jets from Boeing": the second share names its goods
        quantity, goods = _count(counted), part
    name = names.name(maker, sentence) if maker is not None else None
    if quantity is None or maker is None or not name:
        return None
    if part.pos_ == "NOUN" and not any(p.role == "seller" for p in frame.parties):
        frame.add(name, "seller", maker)  # "an order for 30 jets and 20 helicopters from Airbus": the one supplier
        return None
    if part.pos_ == "NOUN" and any(company_key(p.name) == company_key(name) for p in frame.parties):
        return None  # "30 jets and 20 helicopters from Airbus": one supplier, one order
    order = DealFrame(frame.trigger, "order", parties=list(buyers), quantity=quantity, item=frame.item)
    if goods is not None:
        order.item = _share_item(goods, maker, counted if goods is part else [])
    order.add(name, "seller", maker)
    return order


def _share_item(goods: Token, maker: Token, counted: list[Token]) -> str:
    """The goods of a supplier's share without their maker ('from Boeing', "Boeing's") and their count."""
    skip = {m.i for m in maker.subtree} | ({maker.head.i} if maker.head.dep_ == "prep" else set())
    skip |= {c.i for c in counted}
    return " ".join(t.text for t in goods.subtree if t.i not in skip)


def _supplier_share(obj: Token, part: Token) -> tuple[Token | None, Token | None]:
    """(goods, maker) of the second share of a split order: '220 from Boeing', '260 of Boeing's 737 MAX jets' (whose
    'of' the parser sometimes hangs on the first object)."""
    goods = next(iter(_prep_objects(part, "of") + [g for g in _prep_objects(obj, "of") if g.i > part.i]), None)
    maker = next(iter(_prep_objects(part, "from")), None) or next(
        (c for c in (goods.children if goods is not None else ()) if c.dep_ == "poss"), None)
    if maker is None and goods is None and part.pos_ == "NOUN":
        # "40 Airbus A320neo jets and 30 Boeing 737 MAX planes": the maker's name on the goods
        maker = next((c for c in part.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"
                      and _entity_at(c) is not None and _entity_at(c).label_ == "ORG"), None)
    return goods, maker


def _sale_without_target(frame: DealFrame) -> None:
    """'bought its coatings unit from Acme': a sale with no named target; the acquirer is its buyer."""
    if not any(p.role == "target" for p in frame.parties) and any(p.role == "seller" for p in frame.parties):
        frame.deal_type = "sale"
        for p in frame.parties:
            p.role = {"acquirer": "buyer"}.get(p.role or "", p.role)


def _bought_things(frame: DealFrame, objects: list[Token], sentence: Span, names: Names) -> bool:
    """Adds what a buying verb's objects name (goods, a stake's company, targets); False for a purchase of
    securities ('buy $1.45 trillion in securities'), which is no deal."""
    for obj in (_what_the_relative_stands_for(o) for o in objects):
        if _own_securities(obj, sentence, names):
            return False
        if _counted_companies(frame, obj):
            continue
        if _goods(frame, obj):
            frame.deal_type = "order"
        elif _stake_target(frame, obj, sentence, names):  # buying a stake is buying (part of) a company
            continue
        elif _is_money(obj) and not frame.parties and not _an_asset_sized_by_its_sum(obj):
            return False
        elif (issuer := _issuer_of_shares(obj, sentence, names)) is not None:
            frame.add(names.name(issuer, sentence), "target", issuer)  # "all outstanding shares of Acme Corp"
        else:
            for target in _conjuncts(obj):
                if not _unit_of_another(frame, target, sentence, names):
                    _add_target_or_item(frame, target, names.name(target, sentence))
    return True


def _an_asset_sized_by_its_sum(obj: Token) -> bool:
    """'a $6 billion portfolio of mortgage loans from Pine Financial': an asset of a named seller, sized by its sum, is
    bought from that seller. Not a portfolio of securities ('a $600 billion portfolio of Treasury bonds', a central
    bank's purchases), nor one from no seller named (a sum spent, no deal)."""
    if obj.lemma_.lower() not in OWN_ASSET_NOUNS:
        return False
    held = _prep_objects(obj, "of")
    if any(t.lower_ in SECURITIES for t in held):
        return False
    return bool(_prep_objects(obj.head, "from") or _prep_objects(obj, "from")
                or [g for t in held for g in _prep_objects(t, "from")])


def _what_the_relative_stands_for(obj: Token) -> Token:
    """'the securities that it has chosen to buy': a relative pronoun bought stands for the noun its clause hangs on,
    so a purchase of securities told this way is one too."""
    clause = _relative_clause(obj, 3) if obj.lower_ in RELATIVE_PRONOUNS and obj.tag_ == "WDT" else None
    return clause.head if clause is not None else obj


def _relative_clause(pronoun: Token, steps: int) -> Token | None:
    """The verb of the relative clause a relative pronoun opens (its head, within ``steps`` steps up the parse), or
    None: the clause hangs on the noun the pronoun stands for."""
    node = pronoun.head
    for _ in range(steps):
        if node.dep_ == "relcl":
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _counted_companies(frame: DealFrame, obj: Token) -> bool:
    """'is acquiring seven property companies from Granitor': companies bought by the count, the deal's item; its
    buyer alone tells the deal."""
    num = next((c for c in obj.children if c.dep_ == "nummod" and c.pos_ == "NUM"), None)
    if num is None or not _is_company_noun(obj.lemma_.lower()):
        return False
    frame.item = " ".join(t.text for t in obj.doc[num.i:obj.i + 1])
    frame.one_party = True
    return True


def _issuer_of_shares(obj: Token, sentence: Span, names: Names) -> Token | None:
    """'to buy all outstanding shares of Acme Corp': the company whose shares are bought is the target."""
    if obj.lower_ not in SECURITIES:
        return None
    return next((g for g in _prep_objects(obj, "of") if _a_company_party(g, names.name(g, sentence))), None)


def _own_securities(obj: Token, sentence: Span, names: Names) -> bool:
    """'warrants to purchase up to an aggregate of 4,418,292 shares of its common stock', 'bought 2 million shares at
    $10': securities of no company named, a trade or an issue, not a deal ('all outstanding shares of Beta', 'all
    Beta shares outstanding' are one)."""
    held = [obj, *_prep_objects(obj, "of")]
    if any(c.dep_ == "compound" and c.lower_ in DERIVATIVE_WORDS for c in obj.children):
        return True  # "bought 9,332 call option contracts on Beta": a trade in options, whoever's they are
    if not any(t.lower_ in SECURITIES for t in held):
        return False
    owners = [g for t in held for g in _prep_objects(t, "of") if not any(c.dep_ == "poss" and _is_pronoun(c)
                                                                         for c in g.children)]
    owners += [c for t in held for c in t.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"
               and c.lower_ not in SECURITY_CLASSES]  # "one Common Share": a class of shares, no company
    return not any(_a_company_party(g, names.name(g, sentence)) for g in owners)


def _unit_of_another(frame: DealFrame, unit: Token, sentence: Span, names: Names) -> bool:
    """"bought Beta Inc's European operations", "the purchase of Beta's paints unit": the unit is the item and its
    owner the seller (a sale with no named target, as 'bought its coatings unit from Acme')."""
    if unit.lemma_.lower() not in UNIT_NOUNS or unit.lower_ in NOT_GOODS | {"stake"}:
        return False  # "Beta's shares", "Beta's stake": Beta is the company invested in, not the seller
    owner = next((c for c in unit.children if c.dep_ == "poss" and not _is_pronoun(c)), None)
    name = names.name(owner, sentence) if owner is not None else None
    if owner is None or not _is_company(name, owner):
        return False
    frame.add(name, "seller", owner)
    _add_unit_name(frame, unit, name, sentence, names)
    owned = {t.i for t in owner.subtree}
    frame.item = frame.item or " ".join(t.text for t in unit.subtree if t.i <= unit.i and t.i not in owned
                                        and t.dep_ != "det" and t.pos_ != "PUNCT") or None
    return True


def _add_unit_name(frame: DealFrame, unit: Token, seller: str | None, sentence: Span, names: Names) -> None:
    """'agreed to buy Meridian Group's trucking unit, Meridian Freight Inc.': the unit named is the target."""
    named = _name_after_comma(unit, sentence)
    name = names.name(named, sentence) if named is not None else None
    if name and company_key(name) != company_key(seller or ""):
        frame.add(name, "target", named)


def _name_after_comma(unit: Token, sentence: Span) -> Token | None:
    """'agreed to buy ABN Amro's Chicago-based U.S. bank, LaSalle Bank Corp.': the unit's own name after a comma (the
    parser often hangs it elsewhere); not a speaker ('bought Beta's unit, Acme said')."""
    apposed = next((c for c in unit.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if apposed is not None:
        return apposed
    doc = unit.doc
    j = unit.right_edge.i + 1
    if j + 1 >= sentence.end or doc[j].text != "," or doc[j + 1].pos_ != "PROPN":
        return None
    end = j + 1
    while end + 1 < sentence.end and doc[end + 1].pos_ == "PROPN":
        end += 1
    after = doc[end + 1] if end + 1 < sentence.end else None
    if after is not None and after.pos_ in ("VERB", "AUX"):
        return None
    return doc[end]


def _add_maker(frame: DealFrame, objects: list[Token]) -> None:
    """'15 Boeing 777 airplanes': the maker named in the item sells them."""
    maker = next((t for o in objects for t in o.subtree if t.i < o.i and _entity_at(t) is not None
                  and _entity_at(t).label_ == "ORG"), None)
    if maker is not None:
        frame.add(_without_model(_name_span(maker)), "seller", maker)


def _without_model(name: str | None) -> str | None:
    """'Boeing 777', 'Airbus A350-1000': the maker without the model the tagger took into its name."""
    words = (name or "").split()
    while len(words) > 1 and any(ch.isdigit() for ch in words[-1]):
        words.pop()
    return " ".join(words) or name


def _sell_verb_frame(roles: VerbRoles, sentence: Span, names: Names) -> DealFrame | None:
    frame = DealFrame(roles.verb, "sale")
    frame.add(roles.agent_name, "seller", roles.agent)
    for obj in map(_stake_a_part_is_of, roles.objects):
        if _goods(frame, obj):
            frame.deal_type = "order"
            continue
        if _stake_target(frame, obj, sentence, names) or _shares_in_on_the_verb(frame, obj, sentence, names):
            continue
        name = names.name(obj, sentence)
        _add_target_or_item(frame, obj, name, _is_company(name, obj) and obj.lower_ not in ("its", "it"))
    buyers = _prep_objects(roles.verb, "to") or _buyer_hung_inside(roles.verb) or _relation_read_as_verb(roles.verb)
    _add_each(frame, [c for t in buyers for c in _named_conjuncts(t)], "buyer", sentence, names)
    if len(frame.parties) == 1 and frame.parties[0].role == "seller":
        _sells_its_own(frame, roles.verb, roles.objects)
    if len(frame.parties) < 2 and not (frame.needs_figure and frame.item) and not frame.one_party:
        return None  # "LG sold 12 million air conditioners": sales to customers, not a deal
    return frame


def _stake_a_part_is_of(obj: Token) -> Token:
    """'will sell part of its stake in Beta', 'sold half of its 52 percent holding in Beta': a part of a stake sold is a
    sale of that stake (session 28)."""
    if obj.lemma_.lower() not in STAKE_PART_WORDS:
        return obj
    return next((g for g in _prep_objects(obj, "of") if _is_stake(g)), obj)


def _shares_in_on_the_verb(frame: DealFrame, obj: Token, sentence: Span, names: Names) -> bool:
    """'investors sold shares in Britain's Harbor Bank worth 2.1 billion pounds': the parser hangs the 'in' phrase of
    the shares on the verb; the company named there is the one whose shares are sold (the target). A block told by its
    sum only: 'Fidelity sold shares in Acme during the quarter' is a fund's trade, and 'a director sold 24,000 shares
    in Acme for $1.9 million' a counted one, no deal."""
    if obj.lower_ not in ("shares", "stock") or _prep_objects(obj, "in") or any(c.dep_ == "nummod"
                                                                               for c in obj.children):
        return False
    if not any(_is_money(t) for t in obj.head.subtree):
        return False
    held = [(g, names.name(g, sentence)) for g in _prep_objects(obj.head, "in")]
    held = [(g, name) for g, name in held if _a_company_party(g, name)]
    for g, name in held:
        frame.add(name, "target", g)
    return bool(held)


def _relation_read_as_verb(verb: Token) -> list[Token]:
    """'sold its stake in Beta to partner Vesta Networks': the tagger reads 'to partner' as an infinitive whose object
    is the buyer; a relation word ('partner', 'rival') so read stands for the 'to' phrase."""
    return [o for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.lower_ in RELATION_NOUNS
            and _to_infinitive(c) for o in _children(c, ("dobj",))
            if o.pos_ == "PROPN"]


def _sells_its_own(frame: DealFrame, verb: Token, objects: list[Token]) -> None:
    """'Acme plans to sell its consumer health business', 'agreed to sell its two paper mills': a seller and a unit of
    its own make the sale (the buyer not yet named); its goods ('sold its products') or shares are no deal. Not one
    someone is urged to make ('urged the refiner to spin off or sell its midstream business')."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "dobj" for c in clause.head.children):
        return
    # "hired Morgan Stanley to help sell its drugs unit": an adviser is hired for a sale still to be found
    if any(t.lemma_.lower() in ADVISER_HIRING_VERBS for t in _governing_chain(clause)[1:4]):
        return
    obj = next((o for o in objects if o.lemma_.lower() in OWN_ASSET_NOUNS and any(
        c.dep_ == "poss" and c.lower_ in ("its", "their") for c in o.children)), None)
    if obj is None:
        return
    frame.item = " ".join(t.text for t in obj.subtree if t.i <= obj.i and t.dep_ not in ("poss", "det", "case")
                          and t.pos_ != "PUNCT") or None
    frame.one_party = frame.item is not None


def _buyer_hung_inside(verb: Token) -> list[Token]:
    """'will sell its production facilities for making key microchips to Toshiba Corp': the parser hung the buyer on a
    participle inside what is sold; a company named after 'to' there, the last of the clause, buys."""
    tos = [t for t in verb.subtree if t.lower_ == "to" and t.dep_ in ("prep", "dative") and t.head.i != verb.i
           and t.head.tag_ in ("VBG", "VBN") and _inside_what_is_sold(t.head, verb)]
    objects = [o for t in tos[-1:] for o in _prep_objects(t.head, "to") if o.head.i == t.i]
    return [o for o in objects if (ent := _entity_at(o)) is not None and ent.label_ == "ORG"]


def _inside_what_is_sold(tok: Token, verb: Token) -> bool:
    """Whether ``tok`` hangs from the verb's object or its 'for' phrase (not from a clause of its own)."""
    while tok.head.i != verb.i:
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return tok.dep_ == "dobj" or tok.dep_ == "prep" and tok.lower_ == "for"


def _stake_target(frame: DealFrame, obj: Token, sentence: Span, names: Names) -> bool:
    """'sold its entire stake in Beta Trust', 'sold more than 11 percent of Beta Bank's shares', 'to acquire 100% of
    Plarium Global': the company the stake is in is the target (the seller's own shares, a share sale, give none)."""
    lemma = obj.lemma_.lower()
    holder = next((c for c in obj.children if c.dep_ == "poss" and not _is_pronoun(c)), None)
    if _is_stake(obj) and holder is not None:  # "bought back Icahn's stake in the company": Icahn sells it
        frame.add(names.name(holder, sentence), "seller", holder)
        return True
    if _is_stake(obj):  # "the 40 percent stake in Talgo held by Pegaso": Pegaso sells it
        _add_each(frame, _held_by(obj), "seller", sentence, names)
    held = _held(obj, lemma)
    if held is None:
        return False
    with names.avoiding(frame.parties[0].name if frame.parties else None):
        for tok in held:
            name = names.name(tok, sentence)
            if not _is_pronoun(tok) and _a_company_party(tok, name):
                frame.add(name, "target", tok)
            elif _is_stake(obj):
                _stake_in_an_asset(frame, obj)
    return True


def _held_by(stake: Token) -> list[Token]:
    """Who holds a stake, by its participle: 'the stake in Talgo held by Pegaso' (the parser hangs 'held' on the stake
    or on the company it is in)."""
    nouns = [stake, *_prep_objects(stake, "in")]
    return [t for n in nouns for c in n.children if c.dep_ == "acl" and c.lemma_.lower() in HOLDING_VERBS
            for g in _prep_objects(c, "by") for t in _named_conjuncts(g)]


def _is_stake(tok: Token) -> bool:
    """'a stake in Beta', 'a 25 percent holding in Beta', 'a 30% equity interest in Beta', 'a 40% working interest in
    the Tern field': a part of a company or an asset held, named by its 'in' phrase. 'Interest' and 'equity' count only
    sized or qualified ('interest in buying' is no stake), 'holding' only with its 'in' phrase."""
    # the tagger takes 'holding' for a verb at times ('acquired a 25 percent holding in Beta'): its word, not its lemma
    lemma = tok.lower_ if tok.lower_ in STAKE_NOUNS else tok.lemma_.lower()
    if lemma == "stake":
        return True
    if lemma not in STAKE_NOUNS or not _stake_in(tok):
        return False
    if lemma in ("holding", "shareholding"):
        return True
    before = [w for left in tok.lefts for w in left.subtree]
    return any(w.lower_ in STAKE_QUALIFIERS or w.like_num or w.lower_ in ("%", "percent", "pct") for w in before)


def _stake_in(stake: Token) -> list[Token]:
    """What a stake is in, by its 'in' phrase: 'a stake in Beta', and 'a stake of less than 1 percent in Beta', 'a
    holding of about 13.6 percent in Beta' (the parser hangs the 'in' phrase on the stake's size)."""
    sizes = [o for o in _prep_objects(stake, "of") if o.lower_ in STAKE_SIZE_WORDS]
    return _prep_objects(stake, "in") + [g for size in sizes for g in _prep_objects(size, "in")]


def _held(obj: Token, lemma: str) -> list[Token] | None:
    """What a stake, a percentage or a part is of: 'a stake in Beta', '11 percent of Beta Bank's shares', 'all or part
    of Glaceau', 'the rest of Beta'; None for any other object."""
    if _is_stake(obj):  # "a holding in Beta in 2004": the year is when, not what
        return [t for t in _stake_in(obj) if not t.like_num and t.ent_type_ not in ("DATE", "TIME")]
    if lemma not in ("percent", "%") and lemma not in PORTION_WORDS:
        return None
    of = [g for part in (obj, *obj.conjuncts) for g in _prep_objects(part, "of")]
    return [p for o in of for p in (o.children if o.lower_ in NOT_GOODS else [o])
            if o.lower_ not in NOT_GOODS or p.dep_ == "poss"]


def _stake_in_an_asset(frame: DealFrame, stake: Token) -> None:
    """'its stake in its New York headquarters building': the stake is the item, and the deal needs its figure."""
    if frame.item is None:
        frame.item = " ".join(t.text for t in stake.subtree if t.dep_ not in ("det", "poss") and t.pos_ != "PUNCT")
        frame.needs_figure = True


def _a_minority_part(tok: Token) -> bool:
    """'a 10% stake in Beta', 'a stake in Beta', '4.99 percent of Beta': a part of a company under half, with no word of
    control ('a controlling stake', 'a majority stake', 'the remaining 40% of Beta', '100% of Beta' are control)."""
    lemma = tok.lemma_.lower()
    if not (_is_stake(tok) or lemma in ("percent", "%") and _prep_objects(tok, "of")):
        return False
    before = [w for left in tok.lefts for w in left.subtree] + ([tok] if lemma in ("percent", "%") else [])
    if any(w.lower_ in CONTROL_STAKE_WORDS for w in before):
        return False
    # "42 percent of the shares it does not own": the rest of the company
    if any(w.lower_ in CONTROL_STAKE_WORDS or w.dep_ == "neg" for o in _prep_objects(tok, "of") for w in o.subtree):
        return False
    sizes = [size for w in before if w.like_num and (size := _number_of(w)) is not None]
    return not sizes or max(sizes) < CONTROL_SHARE


def _number_of(tok: Token) -> float | None:
    try:
        return float(tok.text.replace(",", ""))
    except ValueError:
        return None


def _stake_bought_without_seller(frame: DealFrame, bought: list[Token]) -> None:
    """The lead's convention (session 24): a stake bought when no seller is named is an investment ('Acme takes a 10%
    stake in Beta', 'bought a 5 percent stake in Beta'), its buyer the investor; a stake bought from a named seller, or
    a majority or controlling one, stays an acquisition."""
    if frame.deal_type != "acquisition" or any(p.role == "seller" for p in frame.parties):
        return
    if any(_prep_objects(t, "from") for t in (frame.trigger, *bought)):
        return  # "30 percent of Beta from its founder John Smith": a seller told, if not read as a party
    if not bought or not all(_a_minority_part(t) for t in bought):
        return
    frame.deal_type = "investment"
    for party in frame.parties:
        if party.role == "acquirer":
            party.role = "investor"


def _pay_verb_frame(roles: VerbRoles, sentence: Span, names: Names) -> DealFrame | None:
    """'will pay $115 million for The 401(k) Company', 'will pay 2.3 billion euros for 42 percent of Beta'."""
    targets = _prep_objects(roles.verb, "for")
    if not targets:
        return _offer_to_pay(roles)
    frame = DealFrame(roles.verb, "acquisition")
    frame.add(roles.agent_name, "acquirer", roles.agent)
    money = any(_is_money(t) for o in roles.objects for t in o.subtree)
    for target in targets:
        if money and _stake_target(frame, target, sentence, names):
            continue  # "will pay 2.3 billion euros for 42 percent of Beta", "... for a 42 percent stake in Beta"
        name = names.name(target, sentence)
        if _is_company(name, target):
            frame.add(name, "target", target)
    if not any(p.role == "target" for p in frame.parties) and not any(_is_money(o) for o in roles.objects):
        return None  # "issued $7 billion of securities to pay for that coverage": no money of its own, no company
    for seller in _paid_to(roles.verb, targets) if money else []:
        if _is_company(name := names.name(seller, sentence), seller):
            frame.add(name, "seller", seller)
    _stake_bought_without_seller(frame, targets)
    return frame if len(frame.parties) >= 1 and targets else None


def _paid_to(verb: Token, targets: list[Token]) -> list[Token]:
    """'will pay $115 million for its stake to a consortium of sellers including ICICI Bank and IFCI': those paid for
    what is bought sell it (a group's members where it names them: 'including', 'which includes', 'led by')."""
    paid = _prep_objects(verb, "to") + [g for t in targets for g in _prep_objects(t, "to")]
    members = [m for t in paid for m in (_group_members(t) or _included(t))]
    return members or paid


def _included(group: Token) -> list[Token]:
    """'a consortium of sellers including ICICI Bank, IFCI and IL&FS': the companies a group's 'including' names (the
    parser may hang it on what the group is 'of')."""
    return [t for head in [group, *_prep_objects(group, "of")] for g in _prep_objects(head, "including")
            for t in _named_conjuncts(g)]


def _offer_to_pay(roles: VerbRoles) -> DealFrame | None:
    """'Acme has offered to pay $2.3 billion, or $41 a share': a bid told by its money, the target named before."""
    verb = roles.verb
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in BID_VERBS:
        return None
    if not any(_is_money(o) for o in roles.objects):
        return None
    frame = DealFrame(verb, "acquisition", needs_figure=True)
    frame.add(roles.agent_name, "acquirer", roles.agent)
    return frame


def _bid_verb_frame(roles: VerbRoles, sentence: Span, names: Names) -> DealFrame | None:
    """'Acme bid $4 billion for Beta', 'is offering 850 pence a share in cash for Beta Plc': the bidder acquires the
    company the bid is for. What is offered must be money, or nothing ('offered its support for Beta' is no bid); a bid
    for no company needs its money and a 'for' phrase or its cash ('offered $390 million in cash and 10 million
    shares')."""
    verb = roles.verb
    money = [o for o in roles.objects if _money_object(o)]
    if len(money) != len(roles.objects):
        return None
    frame = DealFrame(verb, "acquisition", needs_figure=True)
    if roles.agent is not None:  # "a KKR-led group offered $5 billion for Beta": the group's members bid
        _add_each(frame, _group_members(roles.agent) or _conjuncts(roles.agent), "acquirer", sentence, names)
    with names.avoiding(roles.agent_name):
        for target in _prep_objects(verb, "for"):
            # "offering 300 million euros in cash for a 50.1 percent stake in Beta Motors"
            target = next(iter(_prep_objects(target, "in")), target) if _is_stake(target) else target
            name = names.name(target, sentence)
            if _a_company_party(target, name):
                frame.add(name, "target", target)
                frame.needs_figure = False
    if frame.needs_figure and not (money and (_prep_objects(verb, "for") or _in_cash_or_stock(verb))):
        return None
    _stake_bought_without_seller(frame, _prep_objects(verb, "for"))
    return frame


def _money_object(obj: Token) -> bool:
    """'$4 billion', '850 pence a share', '300 million euros': what a bid offers is money."""
    if _is_money(obj) or obj.ent_type_ == "MONEY":
        return True
    return bool(_money_in(obj.doc[obj.left_edge.i:obj.i + 1].text))


def _in_cash_or_stock(verb: Token) -> bool:
    return any(t.lower_ in ("cash", "stock") and t.head.lower_ == "in" for t in verb.subtree)


def _merge_verb_frame(roles: VerbRoles, sentence: Span, names: Names) -> DealFrame | None:
    frame = DealFrame(roles.verb, "merger")
    if roles.agent is not None:
        _add_each(frame, _conjuncts(roles.agent), "partner", sentence, names)
    _add_each(frame, _prep_objects(roles.verb, "with") + roles.objects, "partner", sentence, names)
    return frame


def _invest_verb_frame(roles: VerbRoles, sentence: Span, names: Names) -> DealFrame | None:
    if _a_funds_size(roles.verb):
        return None
    frame = DealFrame(roles.verb, "investment")
    frame.add(roles.agent_name, "investor", roles.agent)
    if roles.agent is not None:  # "Gulf Wealth Authority and Delta Capital are in talks to inject ..."
        _add_each(frame, _conjuncts(roles.agent)[1:], "investor", sentence, names)
    _add_each(frame, _prep_objects(roles.verb, "in", "into"), "target", sentence, names)  # "inject $3 billion into"
    return frame


def _partner_verb_frame(roles: VerbRoles, sentence: Span, names: Names) -> DealFrame | None:
    # "partnering to develop": no deal terms; "teaming up with Alcatel-Lucent to distribute": a named partner
    if any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in BUY_VERBS for c in roles.verb.children):
        return None  # "teamed up with Macquarie to buy nine casinos": one purchase, told by its buying verb
    frame = DealFrame(roles.verb, "partnership", needs_figure=not _prep_objects(roles.verb, "with"))
    if roles.agent is not None:
        _add_each(frame, _conjuncts(roles.agent), "partner", sentence, names)
    _add_each(frame, _prep_objects(roles.verb, "with"), "partner", sentence, names)
    return frame


VERB_KINDS = (("sell", SELL_VERBS), ("pay", PAY_VERBS), ("merge", MERGE_VERBS), ("invest", INVEST_VERBS),
              ("partner", PARTNER_VERBS), ("bid", BID_VERBS))
VERB_FRAMES = {"sell": _sell_verb_frame, "pay": _pay_verb_frame, "merge": _merge_verb_frame,
               "invest": _invest_verb_frame, "partner": _partner_verb_frame, "bid": _bid_verb_frame}


def _add_each(frame: DealFrame, tokens: list[Token], role: str, sentence: Span, names: Names) -> None:
    for tok in tokens:
        frame.add(names.name(tok, sentence), role, tok)


def _add_target_or_item(frame: DealFrame, tok: Token, name: str | None, company: bool | None = None) -> None:
    """A company bought or sold is the target; else 'its coatings unit' is the item, if none is known yet."""
    if _is_company(name, tok) if company is None else company:
        frame.add(name, "target", tok)
    elif frame.item is None:
        frame.item = _own_item(tok)


def _goods(frame: DealFrame, obj: Token) -> bool:
    """'103 airplanes', 'four new cargo planes': a count of goods makes the deal an order."""
    found = _item_phrase(obj)
    if found is None:
        return False
    frame.quantity, frame.item = found
    return True


# ---- deal nouns: "the sale of X to Y", "its offer for Z", "an order for 30 jets" -------------------------

@dataclass
class NounRoles:
    """The words around a deal noun: its owner ("its offer"), the verb that governs it and that verb's
    subject ("Boeing won an order"), and its "of" objects."""

    noun: Token
    owner: Token | None
    owner_name: str | None
    governor: Token | None
    governor_subject: str | None
    of: list[Token]


def _noun_roles(noun: Token, sentence: Span, names: Names) -> NounRoles:
    owner = next((c for c in noun.children if c.dep_ == "poss" and not _ranking_field(noun, c)), None)
    owner_name = names.name(owner, sentence) if owner is not None else None
    governor = noun.head if noun.dep_ in ("dobj", "nsubjpass", "attr") else None
    if noun.dep_ == "npadvmod" and noun.head.ent_type_ == "MONEY" and noun.head.dep_ == "dobj":
        governor = noun.head.head  # "recommended a 265 pence a share offer": the parse hangs the offer on its price
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in ("into", "to"):
        governor = noun.head.head  # "entered into a joint venture with X"
    if _sum_in_orders(noun):
        governor = noun.head.head.head  # "landed $9 billion in orders from Gulf Skyways": the orders are landed
    governor_subject = None
    if governor is not None and governor.pos_ in ("VERB", "AUX"):
        subj = _agent(governor)
        governor_subject = names.name(subj, sentence) if subj is not None else None
    return NounRoles(noun, owner, owner_name, governor, governor_subject, _prep_objects(noun, "of"))


def _ranking_field(noun: Token, owner: Token) -> bool:
    """"Europe's biggest leveraged buyout", "the world's largest takeover", "the year's second biggest deal": a deal
    ranked by a superlative whose owner is a place, a span of time or a field is ranked in it; no party owns it."""
    ranked = any(c.dep_ == "amod" and (c.tag_ == "JJS" or any(g.tag_ == "JJS" for g in c.children))
                 for c in noun.children)
    return ranked and (owner.ent_type_ in ("GPE", "LOC", "DATE") or owner.lemma_.lower() in RANKING_OWNERS)


def _sum_in_orders(noun: Token) -> bool:
    """'won $9 billion in orders', 'booked 2 billion euros in contracts': orders counted by their worth, the object of
    the verb."""
    amount = noun.head.head
    return noun.lemma_.lower() in ORDER_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ == "in" and \
        amount.dep_ == "dobj" and (amount.like_num or amount.ent_type_ == "MONEY")


def _noun_frame(noun: Token, sentence: Span, names: Names) -> DealFrame | None:
    lemma = noun.lemma_.lower()
    roles = _noun_roles(noun, sentence, names)
    build = NOUN_FRAMES.get(next((kind for kind, lemmas in NOUN_KINDS if lemma in lemmas), ""))
    return build(roles, sentence, names) if build is not None else None


def _sale_noun_frame(roles: NounRoles, sentence: Span, names: Names) -> DealFrame | None:
    if not roles.of:
        return _sounded_sale(roles) or _sale_of_itself(roles, sentence, names)
    frame = DealFrame(roles.noun, "acquisition")
    target = roles.of[0]
    target_name = names.name(target, sentence)
    seller, seller_tok = _seller_of_sale(roles, target, sentence, names)
    buyers = _prep_objects(roles.noun, "to") or _buyers_on_the_governor(roles)
    if seller:  # "the sale of its U.S. Trust unit to Bank of America": the seller is known
        frame.deal_type = "sale"
        frame.add(seller, "seller", seller_tok)
        if _goods(frame, target):
            frame.deal_type = "order"
        elif _is_stake(target) and _stake_target(frame, target, sentence, names) and len(frame.parties) > 1:
            pass  # "the Danish government's sale of a stake in Nordbank": the company the stake is in
        elif _is_company(target_name, target) and target_name != seller:
            frame.add(target_name, "target", target)
        else:
            frame.item = _own_item(target)
            _sounded_sale_of(frame, roles, target)
        _add_each(frame, buyers, "buyer", sentence, names)
    else:  # "the sale of Merrill Lynch to Bank of America": Bank of America acquired Merrill Lynch
        _add_each(frame, buyers, "acquirer", sentence, names)
        if _goods(frame, target):
            frame.deal_type = "order"
            for p in frame.parties:
                p.role = "buyer"
        elif _is_company(target_name, target):
            frame.add(target_name, "target", target)
    return frame


def _buyers_on_the_governor(roles: NounRoles) -> list[Token]:
    """'completed the sale of its packaging unit to Kestrel Inc.', 'agreed the sale of Beta to Gamma': the parser hangs
    the buyer's 'to' on the verb whose object the sale is."""
    governor = roles.governor
    if governor is None or roles.noun.dep_ != "dobj" or roles.noun.head.i != governor.i or \
            governor.lemma_.lower() not in SELLING_GOVERNORS:
        return []
    return _prep_objects(governor, "to")


def _sounded(roles: NounRoles) -> bool:
    return roles.governor is not None and roles.governor.lemma_.lower() in SOUNDING_VERBS and \
        roles.governor_subject is not None


def _sounded_sale(roles: NounRoles) -> DealFrame | None:
    """'Conduent is exploring a sale': a company sounding out buyers for itself, the target of a deal yet to happen."""
    if not _sounded(roles) or roles.governor is None:
        return None
    agent = _agent(roles.governor)
    if agent is None or not _a_company_party(agent, roles.governor_subject):
        return None
    frame = DealFrame(roles.noun, "acquisition", one_party=True)
    frame.add(roles.governor_subject, "target", agent)
    return frame


def _sale_of_itself(roles: NounRoles, sentence: Span, names: Names) -> DealFrame | None:
    """'its proposed sale to a group led by KKR and TPG': the company the sale belongs to is bought by those it goes
    to."""
    buyers = [b for tok in _prep_objects(roles.noun, "to") for b in _led_by(tok)]
    if roles.owner is None or not roles.owner_name or not buyers:
        return None
    frame = DealFrame(roles.noun, "acquisition")
    frame.add(roles.owner_name, "target", roles.owner)
    with names.avoiding(roles.owner_name):
        for tok in buyers:
            name = names.name(tok, sentence)
            if _a_company_party(tok, name):
                frame.add(name, "acquirer", tok)
    return frame if len(frame.parties) >= 2 else None


def _led_by(tok: Token) -> list[Token]:
    """'a group led by private equity firms KKR and TPG' -> KKR, TPG; any other phrase stands for itself."""
    return _group_members(tok, persons=True) or _conjuncts(tok)


def _group_members(tok: Token, persons: bool = False) -> list[Token]:
    """The members a group names: 'a group led by KKR and TPG', 'the buyout group, which includes Blackstone, KKR
    and TPG', 'a group that included Cascade', 'a consortium made up of / comprising Oakline and Redwood'. A person
    ('a consortium of investors led by CEO Elon Musk') stands for no company unless ``persons`` (a 'by' phrase's
    group, read so since session 11)."""
    members = [g for c in tok.children if c.dep_ in ("acl", "relcl") for g in _members_named_by(c)]
    members += _hyphen_leaders(tok)
    return [t for g in members for t in _named_conjuncts(g) if persons or not _a_persons_token(t)]


def _hyphen_leaders(tok: Token) -> list[Token]:
    """'a Treasury-led consortium', 'an RBS-led group': the name written before '-led' leads the group (session 28)."""
    return [g for c in tok.children if c.dep_ == "amod" and c.lower_ == "led" and c.i < tok.i
            for g in c.children if g.dep_ in ("npadvmod", "compound", "nmod", "nsubj") and g.i < c.i
            and g.pos_ == "PROPN" and g.ent_type_ not in ("NORP", "GPE", "LOC")]  # not 'a German-led group'


def _a_persons_token(tok: Token) -> bool:
    ent = _entity_at(tok)
    return ent is not None and ent.label_ == "PERSON"


def _members_named_by(verb: Token) -> list[Token]:
    lemma = verb.lemma_.lower()
    if lemma not in MEMBER_VERBS:
        return []
    if lemma == "lead":
        return _prep_objects(verb, "by")
    particles = _children(verb, ("prt",))
    if lemma == "make" and not any(p.lower_ == "up" for p in particles):
        return []  # only 'made up of'
    return _children(verb, ("dobj",)) + _prep_objects(verb, "of") + [g for p in particles
                                                                       for g in _prep_objects(p, "of")]


def _teamed_with(verb: Token) -> list[Token]:
    """'PBL has teamed up with Macquarie to buy nine casinos': who it teamed up with buys with it."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "advcl") or head.lemma_.lower() not in PARTNER_VERBS:
        return []
    return [t for g in _prep_objects(head, "with") for t in _named_conjuncts(g)]


def _sounded_sale_of(frame: DealFrame, roles: NounRoles, target: Token) -> None:
    """'Pinewood Media is exploring a sale of its radio stations': the seller and what it sells make the claim."""
    if not _sounded(roles) or not any(c.dep_ == "poss" and _is_pronoun(c) for c in target.children):
        return
    frame.item = frame.item or " ".join(t.text for t in target.subtree if t.i <= target.i and t.dep_ not in
                                        ("poss", "det") and t.pos_ != "PUNCT") or None
    frame.one_party = frame.item is not None


def _seller_of_sale(roles: NounRoles, target: Token, sentence: Span,
                    names: Names) -> tuple[str | None, Token | None]:
    """Who sells in 'the sale of X': X's or the noun's owner, the subject of 'exploring the sale', or 'by'."""
    seller_tok = next((c for c in target.children if c.dep_ == "poss"), None) or roles.owner
    if roles.owner is not None and _is_pronoun(seller_tok) and not _is_pronoun(roles.owner):
        seller_tok = roles.owner  # "the Swiss government's sale of its stake in UBS": 'its' is the sale's owner
    seller = names.name(seller_tok, sentence) if seller_tok is not None else None
    governor = roles.governor
    if seller is None and governor is not None and governor.lemma_.lower() in SELLING_GOVERNORS and not (
            governor.lemma_.lower() in APPROVING_VERBS and _a_public_body(_agent(governor))):
        seller = roles.governor_subject  # "Blackstone was exploring the sale of Anthos"
        seller_tok = _agent(governor)
    for by in _prep_objects(roles.noun, "by"):
        seller = seller or names.name(by, sentence)
    return seller, seller_tok


def _a_public_body(tok: Token | None) -> bool:
    """'the French government', 'the ministry': a public body (approving a sale, it is the regulator)."""
    return tok is not None and tok.lemma_.lower() in PUBLIC_BODIES


def _tells_a_purchase(roles: NounRoles, valued: list[Token]) -> bool:
    """A bid or offer needs what it is for, its money, the company it values or a target that receives it; any
    purchase noun needs its object, owner or bidder ('to fund the acquisition' is a deal told before, no terms)."""
    noun = roles.noun
    money = _money_near(noun) or _money_of_offer(noun)
    if noun.lemma_.lower() in ("bid", "offer") and not (_bid_for(noun) or money or valued
                                                        or _received_offer(roles) or _bid_for_the_mover(roles)
                                                        or _a_rival_bid(noun)):
        return False
    return bool(roles.of or roles.owner is not None or _bid_for(noun) or _bidders_named(noun) or _leaders(noun)
                or _bid_made_with(noun) is not None)


def _bid_made_with(noun: Token) -> Token | None:
    """'KKR defeated Terra Firma with a $22 billion bid', 'BHP approached Rio with an offer worth $140 billion': the
    verb a bid with its money is made 'with'; its subject is the bidder."""
    prep = noun.head
    if noun.lemma_.lower() not in ("bid", "offer") or noun.dep_ != "pobj" or prep.lower_ != "with" or \
            prep.head.pos_ != "VERB" or not _money_near(noun):
        return None
    return prep.head


def _buy_noun_frame(roles: NounRoles, sentence: Span, names: Names) -> DealFrame | None:
    noun = roles.noun
    valued = _valued_by(noun)
    if not _tells_a_purchase(roles, valued):
        return None
    frame = DealFrame(noun, "acquisition")
    acquirers = _acquirer_tokens(roles)
    acquirer_names = [names.name(t, sentence) for t in acquirers]
    if not any(acquirer_names) and roles.governor_subject and not _topped(roles):
        acquirer_names = [roles.governor_subject]
    for name, tok in zip(acquirer_names, acquirers + [None] * len(acquirer_names), strict=False):
        frame.add(name, "acquirer", tok)
    if not acquirers and roles.governor is not None:  # "BHP Billiton and Rio Tinto were preparing separate bids"
        _co_buyers(frame, _agent(roles.governor), "acquirer", sentence, names)
        _members_bid(frame, roles, sentence, names)
    # "its acquisition of a 30% equity interest in Beta": the company the stake is in
    of = [g for t in roles.of for g in (_prep_objects(t, "in") if _is_stake(t) else [t])]
    for target in of + _bid_for(noun) + valued + _approached_with(noun):
        if _goods(frame, target):
            frame.deal_type = "order"
            continue
        if _unit_of_another(frame, target, sentence, names):
            continue
        name = names.name(target, sentence)
        if _is_company(name, target):
            frame.add(name, "target", target)
    if frame.deal_type == "order":
        for p in frame.parties:
            p.role = "buyer"
    else:
        _sale_without_target(frame)  # "the purchase of Beta's European operations": Beta sells them
        _stake_bought_without_seller(frame, roles.of + _bid_for(noun))
    if not any(p.role == "target" for p in frame.parties):
        # "Shares of Beta rose after Acme raised its offer to $70 a share": the offer is for the mover's company
        _stake_in_the_mover(frame, _move_explained(noun, roles.governor), sentence, names)
    _bidder_from(frame, roles)
    _receiver_of_offer(frame, roles, sentence, names)
    return frame


def _members_bid(frame: DealFrame, roles: NounRoles, sentence: Span, names: Names) -> None:
    """'A Treasury-led consortium submitted a bid for Sparkle': the members of the group that makes the bid bid
    (session 28)."""
    agent = _agent(roles.governor) if roles.governor is not None else None
    if agent is not None and not any(p.role == "acquirer" for p in frame.parties):
        _add_each(frame, _group_members(agent), "acquirer", sentence, names)


def _topped(roles: NounRoles) -> bool:
    """'KKR trumped an indicative bid from Terra Firma': who tops a bid does not make it."""
    return roles.governor is not None and roles.governor.lemma_.lower() in TOPPING_VERBS


def _bid_for(noun: Token) -> list[Token]:
    """What a deal noun is for: 'an offer for Beta', and 'a competing offer from Acme for Beta' (the parser hangs the
    'for' phrase on the bidder)."""
    # "submitted a binding bid on Tuesday for Sparkle": the parser hangs the 'for' phrase on the verb after the bid
    beside = [g for g in _prep_objects(noun.head, "for") if g.i > noun.i] \
        if noun.dep_ == "dobj" and noun.lemma_.lower() in BID_VERBS else []
    return _prep_objects(noun, "for") + beside + [g for bidder in _bidders_named(noun)
                                                  for g in _prep_objects(bidder, "for")]


def _bidders_named(noun: Token) -> list[Token]:
    """Who makes an offer, by its 'by' or 'from' phrase: on the noun, on the worth phrase that sizes it ('a bid worth
    $5 billion from Acme': the parser hangs 'from' on 'worth'), or on the verb of assent whose 'to' phrase the offer
    is ('Beta agreed to a $3 billion offer from a group that included Acme': the parser hangs it on the verb)."""
    found = _prep_objects(noun, "by", "from") + _worth_from(noun)
    assent = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "to" else None
    if not found and assent is not None and assent.lemma_.lower() in OFFER_ASSENT_VERBS:
        found = [g for g in _prep_objects(assent, "from") if g.ent_type_ not in ("DATE", "TIME")]
    return found


def _approached_with(noun: Token) -> list[Token]:
    """'approached Rio with an all-share takeover offer': the company approached is the one bid for."""
    verb = _bid_made_with(noun)
    if verb is None or verb.lemma_.lower() not in APPROACHING_VERBS:
        return []
    return _children(verb, ("dobj",))


def _whose_result_it_helped(noun: Token) -> list[Token]:
    """'Harbor's profit rose, helped by the acquisition of Pine Foods': the company whose result the purchase helped
    made it (the owner of the subject, or the subject itself: 'Harbor earned more, helped by ...')."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "by" or prep.head.lemma_.lower() not in HELPING_VERBS:
        return []
    subject = _agent(prep.head)
    if subject is None:
        return []
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    return [owner if owner is not None else subject]


def _acquirer_tokens(roles: NounRoles) -> list[Token]:
    """Who buys, by a purchase noun: its owner ('Acme's offer'), its 'by' or 'from' phrase, who leads it."""
    noun = roles.noun
    acquirers = [t for t in [roles.owner, *_bidders_named(noun), *_leaders(noun)] if t is not None]
    acquirers = [m for t in acquirers for m in (_group_members(t) or [t])]  # "an offer from a group that included"
    bidding = _bid_made_with(noun)
    if not acquirers and bidding is not None:
        acquirers = [t for t in [_agent(bidding)] if t is not None]
    if not acquirers:
        acquirers = _whose_result_it_helped(noun)
    if not acquirers and roles.governor is not None and noun.dep_ == "dobj" and \
            any(c.dep_ == "nsubj" for c in roles.governor.children):
        # "its stockholders approved the acquisition of the Company by Blackstone": the parser hangs the bidder's
        # 'by' on the active verb, which has a subject of its own
        acquirers = _prep_objects(roles.governor, "by")
    return acquirers


def _leaders(noun: Token) -> list[Token]:
    """'a proposed $8.2 billion buyout led by real estate investor Sam Zell': those who lead a bid make it."""
    return [g for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() == "lead"
            for g in _prep_objects(c, "by")]


def _money_of_offer(noun: Token) -> bool:
    """'Ciena's winning offer consists of $530 million in cash', 'the offer totals $2 billion': the bid is the subject
    of its money (not 'its offer represented a $3.50 premium', nor a fee later in the sentence)."""
    head = noun.head
    if noun.dep_ != "nsubj" or head.lemma_.lower() not in OFFER_MONEY_VERBS:
        return False
    return any(_money_near(c) for c in head.children if c.dep_ in ("dobj", "attr", "prep", "acomp"))


def _received_offer(roles: NounRoles) -> bool:
    """"Yahoo rejected Microsoft's bid": a bidder's offer that its subject rejects, accepts or weighs; "its rejection
    of the offer from Nasdaq": one its owner's noun of receiving is of."""
    bidder = roles.owner is not None or bool(_bidders_named(roles.noun) or _leaders(roles.noun))
    receiving = OFFER_RECEIVING_VERBS | (OFFER_ASSENT_VERBS if roles.noun.dep_ == "pobj" else frozenset())
    return bidder and (roles.governor is not None and roles.governor.lemma_.lower() in receiving or
                       _receiving_noun(roles.noun) is not None)


def _receiving_noun(noun: Token) -> Token | None:
    """'its rejection of the $42-a-share offer', "Beta's review of the bid": the noun of receiving an offer is of."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ != "of" or head.head.lemma_.lower() not in OFFER_RECEIVING_NOUNS:
        return None
    return head.head


def _receiver_of_offer(frame: DealFrame, roles: NounRoles, sentence: Span, names: Names) -> None:
    """"Yahoo's board rejected Microsoft's $44.6 billion offer": the bidder owns the offer, the one that rejects,
    accepts or weighs it is its target ('the board', 'shareholders' stand for their company)."""
    governor = roles.governor
    if not _received_offer(roles) or any(p.role == "target" for p in frame.parties):
        return
    receiving = _receiving_noun(roles.noun)
    if receiving is not None:  # "its rejection of the offer from Nasdaq": the rejection's owner is the target
        subject = next((c for c in receiving.children if c.dep_ == "poss"), None) or (
            _agent(receiving.head) if receiving.dep_ == "dobj" else None)  # "Beta's board began a review of ..."
    elif governor is not None:
        subject = _agent(governor)
    else:
        return
    subject = _company_of_body(subject)
    name = names.name(subject, sentence) if subject is not None else None
    if _is_company(name, subject) and company_key(name) != company_key(roles.owner_name or ""):
        frame.add(name, "target", subject)


def _company_of_body(subject: Token | None) -> Token | None:
    """"Yahoo's board", "Tribune Co. shareholders", "the board of Beta": the company whose board or shareholders they
    are."""
    if subject is None or subject.lemma_.lower() not in TARGET_BODIES:
        return subject
    return next((c for c in subject.children if c.dep_ == "poss"), None) or next(
        (c for c in subject.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None) or next(
        iter(_prep_objects(subject, "of")), None)


def _valued_by(noun: Token) -> list[Token]:
    """"Express Scripts' cash-and-stock offer valued Caremark at $26.8 billion": the company an offer values."""
    if noun.dep_ != "nsubj" or noun.head.lemma_.lower() != "value":
        return []
    return _children(noun.head, ("dobj",))


def _bidder_from(frame: DealFrame, roles: NounRoles) -> None:
    """'Beta rejected a $3 billion offer from Acme': the bidder is named after 'from', so the subject of the verb
    that receives, rejects or weighs the offer is its target."""
    if roles.of or _prep_objects(roles.noun, "for") or not _bidders_named(roles.noun):
        return
    if roles.governor_subject and not any(p.role == "target" for p in frame.parties):
        frame.parties = [p for p in frame.parties if p.name != roles.governor_subject]
        frame.add(roles.governor_subject, "target", _agent(roles.governor) if roles.governor is not None else None)


def _order_noun_frame(roles: NounRoles, sentence: Span, names: Names) -> DealFrame | None:
    noun, governor = roles.noun, roles.governor
    lemma = governor.lemma_.lower() if governor is not None else ""
    if _no_order(noun, lemma):
        return None
    frame = DealFrame(noun, "order")
    for goods in _prep_objects(noun, "for") + roles.of:
        if _goods(frame, goods):
            break
    winner_tok = next((c for c in governor.children if c.dep_ == "nsubjpass"), None) if governor is not None else None
    awarded = lemma in AWARDING_VERBS and winner_tok is not None  # "Acme was awarded a contract by the Navy"
    winner = lemma in ORDER_WINNING_VERBS or awarded
    subject_role, other_role = ("seller", "buyer") if winner else ("buyer", "seller")
    if awarded:
        frame.add(names.name(winner_tok, sentence), "seller", winner_tok)
    else:
        frame.add(roles.owner_name or roles.governor_subject or _orderer(frame, noun, sentence, names), subject_role,
                  roles.owner)
    others = _prep_objects(noun, "from", "with", "by") + (_prep_objects(governor, "from", "with", "by")
                                                          if governor is not None else []) + _worth_from(noun)
    # "won a contract to supply 40 turbines to Nordvik Power": the goods, and whom they go to
    _add_each(frame, others + _what_is_supplied(frame, noun, winner), other_role, sentence, names)
    if lemma in AWARDING_VERBS and not awarded:  # "the Navy awarded Acme a contract": Acme sells
        _add_each(frame, _children(governor, ("dative",)), "seller", sentence, names)
    return frame if frame.quantity or frame.parties else None  # one party needs the order's worth (see _claim)


def _no_order(noun: Token, governing_lemma: str) -> bool:
    """'the March contract rose' (a contract is an order only when won or awarded), 'will seek an order from the
    Supreme Court approving the sale' (a court's command), 'received an order from the Federal Reserve to submit a
    plan' (a command to do something other than supply goods or work)."""
    if noun.lemma_.lower() in CONTRACT_NOUNS and governing_lemma not in ORDER_WINNING_VERBS | AWARDING_VERBS:
        return True
    if _a_command(noun):
        return True
    return any(w.lower_ in COURT_WORDS for g in _prep_objects(noun, "from", "by") for w in g.subtree)


def _a_command(noun: Token) -> bool:
    """An order with an infinitive of a task that is no supply ('an order ... to submit a plan', 'ordered to provide
    details' reads apart): the parser hangs the infinitive on the noun or on the verb that receives it."""
    if noun.lemma_.lower() != "order":
        return False
    holders = [noun] + ([noun.head] if noun.dep_ == "dobj" else [])
    tasks = [c for h in holders for c in h.children if c.dep_ in ("acl", "advcl", "xcomp") and c.i > noun.i
             and c.pos_ == "VERB" and _to_infinitive(c)]
    return any(t.lemma_.lower() not in ORDERED_TASK_VERBS for t in tasks)


def _what_is_supplied(frame: DealFrame, noun: Token, winner: bool) -> list[Token]:
    """'was awarded a contract to supply 40 turbines to Nordvik Power', 'received a contract to provide 5 megawatts of
    storage to a client': the counted goods of the supply verb hung on the contract (the order's quantity and item),
    and those it supplies them to."""
    # 'a contract worth 5 million riyals to provide services to ...': the parse hangs the purpose on the worth phrase
    heads = [noun] + [c for c in noun.children if c.lower_ == "worth"]
    verb = next((c for h in heads for c in h.children if c.dep_ in ("acl", "relcl", "xcomp")
                 and c.lemma_.lower() in SUPPLY_VERBS), None)
    if verb is None or not winner:
        return []
    if frame.quantity is None:
        found = next((f for o in _children(verb, ("dobj",)) for f in [_item_phrase(o)] if f is not None), None)
        frame.quantity, frame.item = found if found is not None else (None, frame.item)
    return [g for c in verb.children if c.dep_ in ("dative", "prep") and c.lower_ == "to" for g in c.children
            if g.dep_ == "pobj"]


def _orderer(frame: DealFrame, noun: Token, sentence: Span, names: Names) -> str | None:
    """'It topped that up with an order for an additional 85 Airbus jets': an order of counted goods under no verb of
    its own is the clause subject's; the maker named in the goods sells them."""
    if frame.quantity is None or noun.dep_ != "pobj":
        return None
    _add_maker(frame, _prep_objects(noun, "for"))
    subject = _agent(noun.head)
    if subject is not None and _under_a_winning_verb(noun):
        # "Northwind landed $9 billion in orders ..., including an order for ten freighters": the maker's order
        frame.add(names.name(subject, sentence), "seller", subject)
        return None
    return names.name(subject, sentence) if subject is not None else None


def _under_a_winning_verb(noun: Token) -> bool:
    """Whether the clause an order noun stands in is one of winning orders ('landed ..., including an order for')."""
    head = noun.head
    while head.head.i != head.i and (head.pos_ != "VERB" or head.lower_ == "including"):
        head = head.head
    return head.lemma_.lower() in ORDER_WINNING_VERBS


def _worth_from(noun: Token) -> list[Token]:
    """'an order worth $600,000 from Greenland Trading', 'an order for 30 jets from Delta': the parser hangs
    'from' on the worth phrase or on the goods."""
    # "has received a purchase order worth 12.5 million Indian rupees from ...": or on the verb, after its object
    beside = [c for c in noun.head.children if c.i > noun.i] if noun.dep_ == "dobj" else []
    worth = [t for c in [*noun.children, *beside] if c.lower_ == "worth" for t in c.subtree]
    return [g for t in worth + _prep_objects(noun, "for") for g in _prep_objects(t, "from")]


def _merger_noun_frame(roles: NounRoles, sentence: Span, names: Names) -> DealFrame | None:
    frame = DealFrame(roles.noun, "merger")
    # "is in advanced merger talks with Grab": the partners hang on the talks, the first is the clause's subject
    talks = roles.noun.head if roles.noun.dep_ == "compound" and roles.noun.head.i != roles.noun.i else None
    subject, in_talks = roles.governor_subject, None
    if subject is None and talks is not None and talks.dep_ == "pobj":
        in_talks = _agent(talks.head.head)
        subject = names.name(in_talks, sentence) if in_talks is not None else None
    joint = _joint_owners(roles)
    if joint:  # "Alcor and Lumen said they had completed their merger": each company 'their' stands for
        _add_each(frame, joint, "partner", sentence, names)
    else:
        frame.add(roles.owner_name or subject, "partner", roles.owner)
    agent = _agent(roles.governor) if roles.governor is not None and roles.owner is None and subject else None
    # "Acme and Beta Corp are in merger talks": each company of the subject the talks are held by
    agent = agent or (in_talks if roles.owner is None else None)
    if agent is not None:  # "Crestline Bancorp and Union Valley Financial agreed to an all-stock merger"
        _add_each(frame, _conjuncts(agent)[1:], "partner", sentence, names)
    others = _prep_objects(roles.noun, "with", "between", "of") + (_prep_objects(talks, "with", "between")
                                                                   if talks is not None else [])
    for other in others:
        _add_each(frame, _conjuncts(other), "partner", sentence, names)
    _split_pair(frame, roles.noun, sentence, names)
    return _buyout_merger(frame, others, sentence, names)


def _joint_owners(roles: NounRoles) -> list[Token]:
    """'Alcor and Lumen completed their merger', 'Alcor and Lumen said they had completed their merger': the names
    joined in the subject of the verb (or of the saying verb, for 'they') that 'their' merger is governed by."""
    if roles.owner is None or roles.owner.lower_ != "their" or roles.governor is None:
        return []
    agent = _agent(roles.governor)
    if agent is not None and agent.lower_ == "they" and roles.governor.dep_ == "ccomp":
        agent = _agent(roles.governor.head)
    joined = _conjuncts(agent) if agent is not None else []
    return joined if len(joined) > 1 else []


def _split_pair(frame: DealFrame, noun: Token, sentence: Span, names: Names) -> None:
    """'the merger between Fremtind Forsikring and Eika Forsikring': the tagger made one name of the two companies
    'between' stands before."""
    between = _prep_objects(noun, "between")
    if len(frame.parties) != 1 or len(between) != 1 or " and " not in frame.parties[0].name:
        return
    first, second = frame.parties[0].name.split(" and ", 1)
    if first[:1].isupper() and second[:1].isupper():
        frame.parties[:] = []
        frame.add(first, "partner")
        frame.add(second, "partner")


def _buyout_merger(frame: DealFrame, others: list[Token], sentence: Span, names: Names) -> DealFrame:
    """'its merger with private equity firm Apollo Management': a buyout firm merging with a company buys it."""
    buyers = [names.name(t, sentence) for t in others if any(
        _is_company_noun(d.lemma_.lower()) and any(c.lower_ in BUYOUT_WORDS for c in d.children)
        for d in (t, *t.children))]
    buyer_keys = {company_key(b) for b in buyers if b}
    if len(frame.parties) != 2 or len(buyer_keys) != 1:
        return frame
    frame.deal_type = "acquisition"
    for party in frame.parties:
        party.role = "acquirer" if company_key(party.name) in buyer_keys else "target"
    return frame


def _stake_noun_frame(roles: NounRoles, sentence: Span, names: Names) -> DealFrame | None:
    governor = roles.governor
    lemma = governor.lemma_.lower() if governor is not None else ""
    if governor is None or lemma not in STAKE_VERBS | STAKE_CUTTING_VERBS:
        return None  # "buy a stake in X" is read off the verb; "its stake" alone is no deal
    if lemma == "hold" and governor.tag_ in ("VBZ", "VBP") and governor.dep_ != "ccomp":
        # "Meridian currently holds a 41% stake in Stellar": a holding told as it stands, no deal made ("disclosed
        # that it holds a 6 percent stake" tells a stake reached, as before)
        return None
    # "cut its stake in Beta Bank by 2.5 percent": the holder sells part of it
    cutting = lemma in STAKE_CUTTING_VERBS
    frame = DealFrame(roles.noun, "sale" if cutting else "investment")
    investor = roles.owner_name or roles.governor_subject
    frame.add(investor, "seller" if cutting else "investor", roles.owner)
    # "its CCB stake": the company named before the noun is the one the stake is in
    named_before = [c for c in roles.noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    with names.avoiding(investor):
        _add_each(frame, _stake_in(roles.noun) + _prep_objects(governor, "in") + named_before, "target",
                  sentence, names)
        if len(frame.parties) == 1:
            _stake_in_the_mover(frame, governor.head if _explains_a_move(governor) else None, sentence, names)
    return frame


def _bid_for_the_mover(roles: NounRoles) -> bool:
    """'Shares of Beta rose after Acme raised its offer', 'Beta shares jumped on a takeover bid by Acme': a bid named
    in a clause or phrase that explains a stock's move (not one its bidder withdrew or dropped)."""
    governor = roles.governor
    return _move_explained(roles.noun, governor) is not None and (
        governor is None or governor.lemma_.lower() not in OFFER_ENDING_VERBS)


def _move_explained(noun: Token, governor: Token | None) -> Token | None:
    """The verb of a stock's move that a deal word explains: '(Shares of Beta rose) after Acme raised its offer' (a
    clause of 'after' or 'as'), '(Beta shares jumped) on a takeover bid by Acme', '... after a bid from Acme' (the
    deal noun in an 'on' or 'after' phrase of a move verb with a subject)."""
    if _explains_a_move(governor):
        return governor.head if governor is not None else None
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in ("on", "after") and prep.head.pos_ == "VERB" and \
            prep.head.lemma_.lower() in MOVE_LEMMAS and any(c.dep_ == "nsubj" for c in prep.head.children):
        return prep.head
    return None


def _explains_a_move(governor: Token | None) -> bool:
    """'(Shares of Beta rose) after Acme raised its offer', '(BP jumps) after Elliott takes stake': a clause of 'after'
    or 'as' under a verb with a subject."""
    return governor is not None and governor.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("after", "as") for c in governor.children) and any(
        c.dep_ == "nsubj" for c in governor.head.children)


def _stake_in_the_mover(frame: DealFrame, moved: Token | None, sentence: Span, names: Names) -> None:
    """'BP jumps after Elliott takes stake', 'Shares of Beta rose after Acme disclosed a stake': a stake named with no
    company, in a clause that explains a stock's move (``moved``, its verb), is a stake in that stock's company (so is
    an offer: 'Beta shares jumped after Acme sweetened its bid', 'Beta shares rose on a takeover bid by Acme')."""
    if moved is None:
        return
    mover = next((c for c in moved.children if c.dep_ == "nsubj"), None)
    if mover is None:
        return
    name = _company_of_shares(mover) or names.name(mover, sentence)
    if _a_company_party(mover, name):
        frame.add(name, "target", mover)


def _partner_noun_frame(roles: NounRoles, sentence: Span, names: Names) -> DealFrame | None:
    noun, governor = roles.noun, roles.governor
    if noun.lemma_.lower() == "venture" and not any(c.lower_ == "joint" for c in noun.children):
        return None
    if governor is None or governor.lemma_.lower() not in FORMING_VERBS and governor.lower_ not in RELEASE_VERBS \
            and not _renewed_with(governor, noun):
        return _partnership_with(roles, sentence, names)
    frame = DealFrame(noun, "partnership")
    if roles.governor_subject and _agent(governor) is not None:
        _add_each(frame, _conjuncts(_agent(governor)), "partner", sentence, names)
    frame.add(roles.owner_name, "partner", roles.owner)
    for other in _prep_objects(noun, "with", "between") + _prep_objects(governor, "with"):
        _add_each(frame, _conjuncts(other), "partner", sentence, names)
    return frame


def _partnership_with(roles: NounRoles, sentence: Span, names: Names) -> DealFrame | None:
    """'Its 50-50 joint venture with Beta Exchange', 'Acme Motors is close to an alliance with Beta Autos': the partner
    named after 'with', the other the noun's owner or the subject of its clause; companies only."""
    if roles.noun.dep_ == "dobj":
        return None  # "rejected a joint venture with X", "a plan of reaching a partnership with X": not one formed
    others = [t for o in _prep_objects(roles.noun, "with") for t in _conjuncts(o)]
    first, first_tok = roles.owner_name, roles.owner
    if first is None and roles.noun.head.i != roles.noun.i:
        first_tok = _agent(roles.noun.head)
        first = names.name(first_tok, sentence) if first_tok is not None else None
    if not others or not first or not _a_company_party(first_tok, first):  # type: ignore[arg-type]
        return None
    frame = DealFrame(roles.noun, "partnership")
    frame.add(first, "partner", first_tok)
    with names.avoiding(first):
        for tok in others:
            name = names.name(tok, sentence)
            if _a_company_party(tok, name):
                frame.add(name, "partner", tok)
    return frame if len(frame.parties) >= 2 else None


def _agreement_noun_frame(roles: NounRoles, sentence: Span, names: Names) -> DealFrame | None:
    """'Fiat sealed a deal with Chrysler', 'Viacom and Time Warner Cable reached an agreement': partners; 'striking a
    $3.1 billion deal for 3Com': an acquisition of the company the deal is for. Not 'a deal to buy X' (read off the
    verb), nor a trade, budget or debt deal, nor one with a country."""
    roles = _close_to_a_deal(roles, sentence, names)
    noun, governor = roles.noun, roles.governor
    if not (_a_sealing_governor(governor) or _renewed_with(governor, noun)) or not roles.governor_subject:
        return None
    if any(c.lower_ in LICENSING_WORDS and c.dep_ in ("compound", "amod", "nmod") for c in noun.children):
        return _licensing_frame(roles, sentence, names)
    if any(c.dep_ in ("acl", "relcl", "xcomp") and c.lemma_.lower() in DEAL_VERBS for c in noun.children) or any(
            c.lower_ in NOT_BUSINESS_DEALS for c in noun.subtree if c.i < noun.i):
        return None
    agent = _agent(governor)
    for_whom = [t for t in _prep_objects(noun, "for") if _a_company_party(t, names.name(t, sentence))]
    if for_whom and not _released_with_a_partner(governor, noun):
        frame = DealFrame(noun, "acquisition")
        frame.add(roles.governor_subject, "acquirer", agent)
        _add_each(frame, for_whom[:1], "target", sentence, names)
        return frame
    if _to_supply(noun) and not (agent is not None and agent.conjuncts):
        return _supply_order_frame(roles, agent, sentence, names)
    return _partners_of_agreement(roles, agent, sentence, names)


def _a_sealing_governor(governor: Token | None) -> bool:
    """'sealed a deal', 'close to a deal', and a company's own headline 'Agilent Reports Deal with Agendia'."""
    return governor is not None and (governor.lemma_.lower() in SEALING_VERBS | NEAR_WORDS or
                                     governor.lower_ in RELEASE_VERBS)


def _renewed_with(governor: Token | None, noun: Token) -> bool:
    """'Barclays has renewed its partnership with Wyndham', 'extended its supply agreement with Pine Foods': a deal
    renewed with a named partner is made again; without the 'with' phrase ('extended the agreement') it is a
    re-mention of one told before."""
    return governor is not None and governor.lemma_.lower() in RENEWING_VERBS and bool(_prep_objects(noun, "with"))


def _released_with_a_partner(governor: Token, noun: Token) -> bool:
    """'reports collaboration deal with Amgen for companion diagnostics': a release's deal with a partner, whose
    'for' names a use, not a company bought."""
    return governor.lower_ in RELEASE_VERBS and bool(_prep_objects(noun, "with"))


def _close_to_a_deal(roles: NounRoles, sentence: Span, names: Names) -> NounRoles:
    """'AIG is close to a deal with the government': the deal sought is governed by 'close', its subject the party."""
    noun = roles.noun
    if roles.governor_subject or noun.dep_ != "pobj" or noun.head.lower_ != "to" or \
            noun.head.head.lemma_.lower() not in NEAR_WORDS:
        return roles
    subject = _agent(noun.head.head)
    return replace(roles, governor=noun.head.head,
                   governor_subject=names.name(subject, sentence) if subject is not None else None)


def _supply_order_frame(roles: NounRoles, agent: Token | None, sentence: Span, names: Names) -> DealFrame:
    """'announced an agreement valued at $650,000 to provide satellite products': an order, with its figure; 'signed a
    three-year agreement with Equinor to supply subsea sensors': an order, its client the buyer (a company: 'an
    agreement with the government of Peru to develop a mine' is a concession, not an order)."""
    noun, governor = roles.noun, roles.governor
    clients = [t for t in _prep_objects(noun, "with") + (_prep_objects(governor, "with") if governor else [])
               if t.lemma_.lower() not in PUBLIC_BODIES and _a_company_party(t, names.name(t, sentence))]
    frame = DealFrame(noun, "order", needs_figure=not clients)
    frame.add(roles.governor_subject, "seller", agent)
    with names.avoiding(roles.governor_subject):
        _add_each(frame, clients[:1], "buyer", sentence, names)
    return frame


def _licensing_frame(roles: NounRoles, sentence: Span, names: Names) -> DealFrame | None:
    """'signed a licensing deal that gives it the exclusive rights to use Beta Technologies' membrane technology', 'a
    licence agreement with Beta': a sale of rights (the corpus' convention), the one that signs it the buyer, the one
    it is signed with or the owner of what it licenses the seller."""
    noun = roles.noun
    frame = DealFrame(noun, "sale")
    frame.add(roles.governor_subject, "buyer", _agent(roles.governor) if roles.governor is not None else None)
    owners = [t for t in noun.subtree if t.dep_ == "poss" and t.i > noun.i and not _is_pronoun(t)]
    with names.avoiding(roles.governor_subject):
        for tok in _prep_objects(noun, "with") + owners[:1]:
            name = names.name(tok, sentence)
            if _a_company_party(tok, name):
                frame.add(name, "seller", tok)
    return frame if len(frame.parties) >= 2 else None


def _to_supply(noun: Token) -> bool:
    """'an agreement to provide satellite products', 'an agreement valued at $650,000 to provide ...'."""
    return any(t.lemma_.lower() in SUPPLY_VERBS and t.dep_ in ("acl", "relcl", "advcl") and noun.i in (
        t.head.i, t.head.head.i) for t in noun.subtree) or (
        # "secured a framework agreement with Statkraft to provide engineering services": the parse hangs the purpose
        # on the verb of the agreement
        noun.dep_ == "dobj" and any(c.lemma_.lower() in SUPPLY_VERBS and c.dep_ == "advcl" and c.i > noun.i
                                    for c in noun.head.children))


def _partners_of_agreement(roles: NounRoles, agent: Token | None, sentence: Span, names: Names) -> DealFrame | None:
    """The partners of a deal or agreement: its subjects and those 'with' it, companies only."""
    noun, governor = roles.noun, roles.governor
    frame = DealFrame(noun, "partnership")
    others = _prep_objects(noun, "with") + (_prep_objects(governor, "with") if governor is not None else [])
    sides = [*(_conjuncts(agent) if agent is not None else []), *(c for other in others for c in _conjuncts(other))]
    if any(_a_labour_union(tok, names.name(tok, sentence)) for tok in sides):
        return None  # "The UAW reached an agreement with GM and the Treasury": a labour contract, no deal
    for tok in sides:
        name = names.name(tok, sentence)
        if _a_company_party(tok, name):
            frame.add(name, "partner", tok)
    # "CIT reached a deal with bondholders for $3 billion in financing": a partnership needs its two partners
    return frame if len(frame.parties) >= 2 else None


def _a_labour_union(tok: Token, name: str | None) -> bool:
    """'the United Auto Workers', 'the UAW', 'UK-based union Unite', 'the union': a workers' union."""
    words = (name or "").lower().split()
    return bool(words) and (words[-1] in LABOR_UNION_WORDS or " ".join(words) in LABOR_UNION_NAMES) or \
        tok.lemma_.lower() == "union" or any(c.dep_ == "compound" and c.lower_ == "union" for c in tok.children)


def _a_company_party(tok: Token, name: str | None) -> bool:
    """A company (or a unit of one), not a country, its people or a common noun: 'a deal with China' is no deal."""
    ent = _entity_at(tok)
    # "close to an agreement with the United Auto Workers": a labour contract, not a deal between companies
    union = bool(name) and name.split()[-1].lower() in LABOR_UNION_WORDS
    return _is_company(name, tok) and not union and not (ent is not None and ent.label_ in ("GPE", "NORP"))


def _licence_noun_frame(roles: NounRoles, sentence: Span, names: Names) -> DealFrame | None:
    """'Bluefin granted Solara Pharma an exclusive licence to its antibody': a sale of the rights, the granter the
    seller and the one it is granted to the buyer; 'Solara won a licence from Bluefin': the taker is the buyer."""
    noun, governor = roles.noun, roles.governor
    lemma = governor.lemma_.lower() if governor is not None else ""
    if governor is None or lemma not in AWARDING_VERBS | LICENCE_TAKING_VERBS:
        return None  # "its licence expires": no deal told
    if lemma in AWARDING_VERBS and any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" for c in noun.children) \
            and not _rights_sold(noun, governor):
        return None  # "the FCC granted Acme a licence to operate": a permit, not rights sold
    frame = DealFrame(noun, "sale")
    frame.item = " ".join(t.text for t in noun.subtree if t.dep_ not in ("det", "poss") and t.i <= noun.i)
    granted = lemma in AWARDING_VERBS
    frame.add(roles.governor_subject, "seller" if granted else "buyer", _agent(governor))
    takers = _children(governor, ("dative",)) + _prep_objects(governor, "to") if granted else \
        _prep_objects(noun, "from") + _prep_objects(governor, "from")
    _add_each(frame, takers, "buyer" if granted else "seller", sentence, names)
    return frame if len(frame.parties) >= 2 else None


def _rights_sold(noun: Token, governor: Token) -> bool:
    """'granted Norwood Pharma an exclusive licence to develop its drug in China for $40 million': rights sold (an
    exclusive licence, or one paid for), not a permit to operate."""
    return any(c.lower_ in EXCLUSIVE_WORDS for c in noun.children) or _money_near(governor)


NOUN_KINDS = (("sale", SALE_NOUNS), ("buy", BUY_NOUNS), ("order", ORDER_NOUNS), ("merger", MERGER_NOUNS),
              ("invest", INVEST_NOUNS), ("partner", PARTNER_NOUNS), ("agreement", AGREEMENT_NOUNS),
              ("licence", LICENCE_NOUNS))
NOUN_FRAMES = {"sale": _sale_noun_frame, "buy": _buy_noun_frame, "order": _order_noun_frame,
               "merger": _merger_noun_frame, "invest": _stake_noun_frame, "partner": _partner_noun_frame,
               "agreement": _agreement_noun_frame, "licence": _licence_noun_frame}


# ---- from frame to claim ------------------------------------------------------------------------

def _claim(doc: Doc, sentence: Span, frame: DealFrame, frames: list[DealFrame],
           published: date | None) -> Claim | None:
    parties = [p for p in frame.parties if p.name and company_key(p.name)]
    if not parties:
        return None
    text = span_text(sentence)
    trigger_at = frame.trigger.idx - sentence.start_char
    value, stated_value = _deal_value(sentence, trigger_at, *_next_deal_words(sentence, frame, frames, parties))
    if _a_rival_bid(frame.trigger) and not _money_near(frame.trigger):
        value, stated_value = None, None  # 'Beta's $3 billion offer, which topped an earlier bid by Acme': not Acme's
    per_share = _per_share(text, trigger_at)
    undisclosed = UNDISCLOSED_RE.search(text) is not None
    has_figure = value is not None or per_share is not None or frame.quantity is not None or undisclosed
    if (len(parties) < 2 or frame.needs_figure) and not has_figure and not frame.one_party:
        return None
    if _negated(frame.trigger):
        return None
    verb = frame.trigger if frame.trigger.pos_ == "VERB" else frame.trigger.head
    told = _status(verb, sentence) if _presupposed_deal(frame.trigger) else _how_told(verb, sentence)
    if told is None:
        return None
    status, modality = told
    stated: dict[str, str] = {"value": stated_value} if stated_value else {}
    stated.update(per_share or {})
    session, time_text = _announcement_day(text, published)
    return Claim(
        article_id=doc._.article_id, sentence=text, char_start=sentence.start_char, char_end=sentence.end_char,
        kind="deal", deal_type=frame.deal_type, parties=parties, quantity=frame.quantity, item=frame.item,
        value=value, status=status, modality=modality, stated=stated, session=session, time_text=time_text,
        verb=frame.trigger.text, span_start=_span_start(doc, sentence, frame) - sentence.start_char,
        span_end=len(text.rstrip()),
    )


def _presupposed_deal(noun: Token) -> bool:
    """'Acme's acquisition of Beta could lead to a backlash', 'probed whether Acme's 2003 purchase of Beta was
    illegal': a deal named by its buyer and what it bought, the subject of a clause about its effects, is taken as
    done or agreed; the clause's mood ('could', 'may', 'whether') is the effect's, not the deal's. A condition on it
    ('if Acme's acquisition of Beta goes through') or a past that did not happen ('would have produced') still
    makes it a scenario."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in BUY_NOUNS | SALE_NOUNS | MERGER_NOUNS or \
            noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if not any(c.dep_ == "poss" for c in noun.children) or not _prep_objects(noun, "of"):
        return False
    if {"would", "have"} <= {c.lower_ for c in noun.head.children if c.dep_ == "aux"}:
        return False  # "Acme's acquisition of Beta would have produced benefits": a deal that did not happen
    return not any(c.dep_ == "mark" and c.lower_ in PRESUPPOSITION_BREAKERS for c in noun.head.children)


def _next_deal_words(sentence: Span, frame: DealFrame, frames: list[DealFrame],
                     parties: list[Party]) -> tuple[int, int]:
    """Where, in the sentence, the next deal word stands, and the next one with a company of its own, which tells
    another deal (not 'a buy-out house', 'and investment'); the sentence's end where there is none."""
    end = len(span_text(sentence))
    keys = {company_key(p.name) for p in parties}
    later = [f for f in frames if f.trigger.i > frame.trigger.i]
    others = [f for f in later if {company_key(p.name) for p in f.parties if p.name} - keys]
    return (later[0].trigger.idx - sentence.start_char if later else end,
            others[0].trigger.idx - sentence.start_char if others else end)


_NAME_WORDS = r"[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}"
HEADLINE_PARTNERS_RE = re.compile(
    rf"^\W*(?P<a>{_NAME_WORDS})(?:,\s*|\s+and\s+|\s*&\s*)(?P<b>{_NAME_WORDS})\s+(?P<to>to\s+)?"
    rf"(?P<verb>{lexicon.alternation(lexicon.phrases('deals', 'headline_partner_verbs'))})s?\b(?P<rest>[^.!?]*)$")
HEADLINE_MAX_WORDS = 16


def _headline_partners(doc: Doc, sentence: Span, published: date | None) -> Claim | None:
    """A headline whose parse is a jumble: 'Alibaba, Red Hat announce cloud partnership', 'GE, Microsoft to announce
    industrial cloud partnership', 'Microsoft and Green Bay Packers team up on Wisconsin tech initiative': two
    companies and a partnership word make a partnership (one yet to be announced after 'to')."""
    text = span_text(sentence).strip()
    if len(text.split()) > HEADLINE_MAX_WORDS or text[-1:] in ".!?\"'”":
        return None
    m = HEADLINE_PARTNERS_RE.match(text)
    if m is None:
        return None
    rest = {w.lower() for w in re.findall(r"[\w-]+", m.group("rest"))}
    if rest & NOT_BUSINESS_DEALS or not (rest & HEADLINE_PARTNER_NOUNS or m.group("verb") in ("team up", "partner")):
        return None
    offset = text_start = sentence.start_char + len(span_text(sentence)) - len(span_text(sentence).lstrip())
    parties = []
    for group in ("a", "b"):
        span = doc.char_span(offset + m.start(group), offset + m.end(group), alignment_mode="expand")
        if span is None or any(t.ent_type_ in ("GPE", "NORP") for t in span):
            return None  # "U.S., China sign ...": countries
        parties.append(Party(name=clean_name(m.group(group)), role="partner"))
    session, time_text = _announcement_day(text, published)
    status = "expected" if m.group("to") else "announced"
    return Claim(
        article_id=doc._.article_id, sentence=span_text(sentence), char_start=sentence.start_char,
        char_end=sentence.end_char, kind="deal", deal_type="partnership", parties=parties, status=status,
        modality="reported", session=session, time_text=time_text, verb=m.group("verb"),
        span_start=text_start - sentence.start_char, span_end=len(span_text(sentence).rstrip()),
    )


HEADLINE_SMALL_WORDS = lexicon.words("deals", "headline_small_words")
# words a party's name in a title-case headline never holds: its links, verbs of saying, modals, a deal's own words
_HEADLINE_STOP = rf"(?!(?i:{lexicon.alternation(lexicon.words('deals', 'headline_stop_words'))})\b)"
_TITLE_NAME = rf"{_HEADLINE_STOP}[A-Z][\w.&'-]*(?:\s+{_HEADLINE_STOP}[A-Z][\w.&'-]*){{0,4}}"
TITLE_CASE_PURCHASE_RE = re.compile(
    # "Market Chatter: Blackstone Acquires AI Fire From TruArc Partners for About $1.1 Billion": a wire's label first
    rf"^\W*(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?:\s+)?"
    rf"(?P<a>{_TITLE_NAME})\s+(?P<to>(?i:to|agrees\s+to|will)\s+)?(?P<verb>(?i:buy|acquire|sell)s?)\s+"
    rf"(?P<b>{_TITLE_NAME})(?:\s+(?i:to|from)\s+(?P<c>{_TITLE_NAME}))?(?:\s+(?i:for|in)\b.*)?$")


def _title_case(text: str) -> bool:
    """A short headline line whose words are all capitalised ('to', 'for', 'in' may stay small)."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if w.lower() not in HEADLINE_SMALL_WORDS]
    return len(words) >= 3 and len(text.split()) <= HEADLINE_MAX_WORDS and text[-1:] not in ".!?" and all(
        w[0].isupper() for w in words)


def _title_case_purchase(doc: Doc, sentence: Span, published: date | None) -> Claim | None:
    """A headline in title case, whose capitalised verbs the tagger reads as names: 'Chevron to Buy Hess for $53
    Billion in Stock', 'Brightline Tools Agrees to Sell Industrial Unit to Kaito America for $210 Million'. The buyer
    and what is bought or sold are the names around the verb; a unit sold is the item, its buyer after 'to'."""
    text = span_text(sentence).strip()
    m = TITLE_CASE_PURCHASE_RE.match(text) if _title_case(text) else None
    if m is None or not m.group("verb")[0].isupper():
        return None
    offset = sentence.start_char + len(span_text(sentence)) - len(span_text(sentence).lstrip())
    spans = [doc.char_span(offset + m.start(g), offset + m.end(g), alignment_mode="expand") for g in ("a", "b", "c")
             if m.group(g)]
    if any(span is None or any(t.ent_type_ in ("GPE", "NORP") for t in span) for span in spans):
        return None  # "U.S. to Sell Oil From Reserve": a country
    selling = m.group("verb").lower().startswith("sell")
    thing = clean_name(m.group("b"))
    unit = thing.split()[-1].lower() in UNIT_NOUNS
    parties = [Party(_headline_name(m.group("a")), "seller" if selling else "acquirer")]
    if not unit:
        parties.append(Party(_headline_name(thing), "target"))
    if m.group("c"):
        parties.append(Party(_headline_name(m.group("c")), "buyer" if selling else "seller"))
    value, stated = _deal_value(sentence, m.start("verb"), len(span_text(sentence)))
    session, time_text = _announcement_day(text, published)
    return Claim(
        article_id=doc._.article_id, sentence=span_text(sentence), char_start=sentence.start_char,
        char_end=sentence.end_char, kind="deal", deal_type="sale" if selling else "acquisition", parties=parties,
        item=thing if unit else None, value=value, stated={"value": stated} if stated else {}, status="announced",
        modality="reported", session=session, time_text=time_text, verb=m.group("verb"),
        span_start=offset - sentence.start_char, span_end=len(span_text(sentence).rstrip()),
    )


def _headline_name(text: str) -> str:
    """A name in a title-case headline without what stands around it: 'Ophthalmic Imaging Devices Maker Cellview' is
    Cellview, 'Pakistan-Listed X' is X, 'Hefei Department Store's Unit' and 'American Industrial Partners Unit' stand
    for their parent (the unit is not named)."""
    words = clean_name(text).split()
    while len(words) > 1 and re.fullmatch(r"[A-Z][\w.]*-(?i:listed|based)", words[0]):
        words = words[1:]  # "Pakistan-Listed Masood Textile Mills"
    if len(words) > 1 and words[-1].lower() in UNIT_NOUNS:  # "American Industrial Partners Unit": its parent
        return clean_name(" ".join(words[:-1]))
    cut = max((i for i, w in enumerate(words[1:-1], 1) if _is_company_noun(w.lower()) and words[i + 1][:1].isupper()
               and words[i + 1].lower() not in HEADLINE_SMALL_WORDS), default=None)
    if cut is not None and company_key(" ".join(words[cut + 1:])):
        return " ".join(words[cut + 1:])
    return " ".join(words)


def _follow_up_claim(doc: Doc, sentence: Span, told: Claim, published: date | None) -> Claim | None:
    """A deal named again with a figure of its own: 'The all-cash deal is valued at $32 billion', 'The transaction has
    a purchase price of AU$4.4 million', 'the $3.1 billion deal': the parties, type and status are the deal told
    just before (the corpus' convention, as for a pronoun's antecedent), the value this sentence's."""
    noun = next((t for t in sentence if _names_the_deal_again(t)), None) or _payment_of_the_buyer(sentence, told)
    if noun is None:
        return None
    head = noun if noun.dep_ not in ("nsubj", "nsubjpass") or noun.pos_ == "VERB" else noun.head
    if _hypothetical(head, sentence) or _negated(head) or head.lemma_.lower() in FINANCING_VERBS:
        return None  # "The deal is being financed by $3.5 billion in loans": its financing, not its price
    value, stated_value = _deal_value(sentence, noun.idx - sentence.start_char, len(span_text(sentence)))
    goods = _goods_of_order(noun, told) if value is None else None
    if value is None and goods is None:
        return None  # "The price values Ridgeway at about 11 times its earnings": no figure of the deal's own
    session, time_text = _announcement_day(span_text(sentence), published)
    quantity, item = goods or (None, None)
    return Claim(
        article_id=doc._.article_id, sentence=span_text(sentence), char_start=sentence.start_char,
        char_end=sentence.end_char, kind="deal", deal_type=told.deal_type, parties=list(told.parties),
        value=value, quantity=quantity, item=item, status=told.status, modality=told.modality,
        stated={"value": stated_value} if stated_value else {},
        session=session, time_text=time_text, verb=noun.text, span_start=noun.idx - sentence.start_char,
        span_end=len(span_text(sentence).rstrip()),
    )


def _valued_company_claim(doc: Doc, sentence: Span, names: Names, told: Claim | None,
                          published: date | None) -> Claim | None:
    """'The deal values Pine Foods at about $800 million', 'The merger valued Beta at $29 billion': a deal named again
    whose first telling gave no claim (or stood too far back) still tells a purchase of the company it values, at
    the sum it gives (a total or a price per share); the buyers of a purchase told just before with no other target
    ('Acme agreed to buy Accredited for $400 million. The deal values Accredited at $15.10 per share') are its own."""
    for verb in sentence:
        if verb.pos_ != "VERB" or verb.lemma_.lower() != "value":
            continue
        deal = next((c for c in verb.children if c.dep_ == "nsubj" and _names_the_deal_again(c)), None)
        valued = [c for c in verb.children if c.dep_ == "dobj"]
        if deal is None or not valued or not any(_is_money(t) for g in _prep_objects(verb, "at") for t in g.subtree):
            continue
        name = names.name(valued[0], sentence)
        if not _a_company_party(valued[0], name) or _is_pronoun(valued[0]):
            continue
        return _valued_claim(doc, sentence, verb, _valued_parties(Party(name or "", "target"), told), published)
    return None


def _valued_parties(target: Party, told: Claim | None) -> list[Party]:
    if told is None or told.deal_type != "acquisition":
        return [target]
    targets = [p for p in told.parties if p.role == "target"]
    if any(not _same_party(p.name, target.name) for p in targets):
        return [target]  # the deal told before is another company's
    return [Party(p.name, p.role) for p in told.parties if p.role != "target"] + [target]


def _valued_claim(doc: Doc, sentence: Span, verb: Token, parties: list[Party], published: date | None) -> Claim | None:
    text = span_text(sentence)
    at = verb.idx - sentence.start_char
    value, stated_value = _deal_value(sentence, at, len(text))
    per_share = _per_share(text, at)
    told = _how_told(verb, sentence)
    if value is None and per_share is None or told is None or _negated(verb):
        return None
    stated: dict[str, str] = {"value": stated_value} if stated_value else {}
    stated.update(per_share or {})
    session, time_text = _announcement_day(text, published)
    return Claim(
        article_id=doc._.article_id, sentence=text, char_start=sentence.start_char, char_end=sentence.end_char,
        kind="deal", deal_type="acquisition", parties=parties, value=value, status=told[0], modality=told[1],
        stated=stated, session=session, time_text=time_text, verb=verb.text, span_start=at, span_end=len(text.rstrip()),
    )


def _payment_of_the_buyer(sentence: Span, told: Claim) -> Token | None:
    """'Acme will pay $45 per share in cash, or about $2.1 billion' after 'Acme agreed to buy Beta': the price of the
    deal told just before, paid by its buyer (named again, or 'it'), with no other company it is paid for."""
    buyers = {company_key(p.name) for p in told.parties if p.role in ("acquirer", "buyer") and p.name}
    for verb in sentence:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in PAY_VERBS or _prep_objects(verb, "for", "to") or any(
                c.dep_ in ("advcl", "xcomp", "ccomp", "dative") for c in verb.children):
            continue  # "will pay $300 million to settle a lawsuit": paid for something else
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects and (subjects[0].lower_ == "it" or company_key(_name_span(subjects[0]) or "") in buyers) and \
                any(_is_money(c) for c in verb.children if c.dep_ == "dobj"):
            return verb
    return None


def _goods_of_order(noun: Token, told: Claim) -> tuple[float, str] | None:
    """'The contract is for the supply of 100 tons of brass billets', 'The order covers 60 high-speed trains': an order
    told before, named again as the subject of its goods."""
    if told.deal_type != "order" or noun.dep_ != "nsubj":
        return None
    return next((found for t in noun.head.subtree if t.pos_ == "NOUN" and t.i != noun.i
                 for found in [_item_phrase(t)] if found is not None), None)


def _names_the_deal_again(tok: Token) -> bool:
    """'the deal' or 'the orders' as the sentence's subject, or 'the $3.1 billion deal' anywhere: a definite deal
    noun, which refers to a deal already told."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in FOLLOW_UP_NOUNS:
        return False
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in tok.children)
    if not definite and tok.dep_ == "compound" and DEAL_VALUE_PHRASE_RE.search(span_text(tok.sent)):
        # "The total contract value is AU$804,191": the deal noun names the value it is compound to
        definite = any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in tok.head.children)
    if not definite:
        return False
    subject = tok.dep_ in ("nsubj", "nsubjpass") and (tok.head.dep_ == "ROOT" or _reported_clause(tok.head))
    # "Under the terms of the agreement, ... representing a total equity value of approximately $1.1 billion"
    valued = DEAL_VALUE_PHRASE_RE.search(span_text(tok.sent)) is not None
    return subject or valued or _money_near(tok)


def _reported_clause(verb: Token) -> bool:
    """'The transaction ... will cost Novartis $925 million upfront, the company said': the clause a sentence's
    saying verb reports is the sentence's main clause."""
    return verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and verb.head.lemma_.lower() in SAY_LEMMAS


def _span_start(doc: Doc, sentence: Span, frame: DealFrame) -> int:
    """Where the claim's words start in the document: the deal word or its first party in the sentence."""
    return min([frame.trigger.idx] + [doc[i].idx for i in frame.party_tokens if sentence.start <= i < sentence.end])


def _name_after(verb: Token) -> list[Token]:
    """The first named company in the few words after a verb, when the parse gives the verb no object."""
    doc = verb.doc
    for tok in doc[verb.i + 1:min(verb.i + 8, len(doc))]:
        if tok.is_punct or tok.pos_ in ("ADP", "VERB", "AUX") or tok.is_sent_start:
            break
        ent = _entity_at(tok)
        if ent is not None and ent.label_ in ("ORG", "PERSON"):
            return [doc[ent.end - 1]]
    return []


def _is_money(tok: Token) -> bool:
    return tok.lemma_.lower() in MAGNITUDES or any(t.tag_ == "$" for t in tok.subtree if t.i <= tok.i)


def _built_by(obj: Token) -> list[Token]:
    """'planes built by Lockheed Martin': the maker sells them."""
    return [g for c in obj.children if c.dep_ == "acl" and c.lemma_.lower() in MAKING_VERBS
            for g in _prep_objects(c, "by")]


def _money_near(noun: Token) -> bool:
    return any(t.tag_ == "$" or t.lower_ in ("$", "€", "£") for t in noun.subtree)


def _merge_frames(frames: list[DealFrame]) -> list[DealFrame]:
    """'a deal to buy X' and 'buy X', 'its offer to buy X' and 'buy X': one deal, told twice."""
    kept: list[DealFrame] = []
    for frame in sorted(frames, key=lambda f: -len(f.parties) - (f.quantity is not None)):
        keys = {company_key(p.name) for p in frame.parties if p.name}
        twin = next((k for k in kept if keys and keys <= {company_key(p.name) for p in k.parties if p.name}
                     and not _two_orders(frame, k)), None)
        if twin is None:
            kept.append(frame)
        else:
            twin.quantity = twin.quantity or frame.quantity
            twin.item = twin.item or frame.item
            if frame.trigger.i < twin.trigger.i:
                twin.party_tokens |= frame.party_tokens
    return sorted(kept, key=lambda f: f.trigger.i)


def _two_orders(frame: DealFrame, other: DealFrame) -> bool:
    """'landed $17 billion in orders from Gulf Skyways, including a new order for three freighters': two order nouns
    tell two orders (the whole and a part of it), not one told twice."""
    return frame.trigger.i != other.trigger.i and frame.trigger.pos_ == other.trigger.pos_ == "NOUN" and \
        frame.trigger.lemma_.lower() in ORDER_NOUNS and other.trigger.lemma_.lower() in ORDER_NOUNS


def _money_in(text: str) -> list[tuple[float, str, int, int]]:
    found = [_dollar_of(text, amount, cur, a, b) for amount, cur, a, b, _ in find_money(text)]
    for amount, currency, a, b in _sums_find_money_misses(text):
        # the longer reading wins: 'MEUR 97.5' over 'EUR 97.5', '1.1 billion Swedish crowns', '$1.2-billion' over '$1.2'
        found = [f for f in found if not (f[2] < b and a < f[3])]
        found.append((amount, currency, a, b))
    return sorted(found, key=lambda f: f[2])


def _sums_find_money_misses(text: str) -> Iterator[tuple[float, str, int, int]]:
    """Sums in currencies find_money does not know and sums written as one hyphenated word, in text order per kind."""
    for pattern, codes in EXTRA_CURRENCIES:
        for m in pattern.finditer(text):
            amount = parse_number(m.group("num")) * MAGNITUDES.get((m.group("mag") or "").lower(), 1)
            yield amount, codes[m.group("cur").lower()], m.start(), m.end()
    for m in HYPHENATED_SUM_RE.finditer(text):
        cur = m.group("word") or (m.group("cur") if m.group("sep") == "-" else None)
        if cur:
            amount = parse_number(m.group("num")) * MAGNITUDES[m.group("mag").lower()]
            yield amount, CURRENCY_CODES[cur.lower()], m.start(), m.end()


def _dollar_of(text: str, amount: float, currency: str, a: int, b: int) -> tuple[float, str, int, int]:
    """'NT$350.4 million', 'AU$4.4 million': a dollar of another country, named by the letters before the sign."""
    m = DOLLAR_PREFIX_RE.search(text[:a + 1]) if currency == "USD" else None
    if m is None or m.group(1).upper() not in DOLLAR_PREFIXES:
        return amount, currency, a, b
    return amount, DOLLAR_PREFIXES[m.group(1).upper()], a - len(m.group(1)), b


def _deal_value(sentence: Span, trigger_at: int, next_trigger_at: int,
                next_deal_at: int | None = None) -> tuple[Money | None, str | None]:
    """The deal's total price: the first money figure after the deal word that is not a per-share price,
    a company's size ('$22 billion in assets'), a conversion in brackets or a stock's price."""
    text = span_text(sentence)
    candidates = []
    per_share_spans = [(m.start(), m.end()) for m in PER_SHARE_RE.finditer(text)]
    previous_end: int | None = None
    for amount, currency, a, b in _money_in(text):
        conversion = previous_end is not None and text[previous_end:a].strip() in ("(", "(about", "(or about")
        previous_end = b
        in_per_share = any(lo <= a < hi for lo, hi in per_share_spans)  # "$10 to $11 per share"
        if conversion or in_per_share or _no_price(text, a, b):
            continue
        if _after_move_verb(sentence, a) or amount < MIN_DEAL_VALUE:
            continue
        candidates.append((amount, currency, a, b))
    chosen = _the_deals_sum(text, candidates, trigger_at, next_trigger_at,
                            len(text) if next_deal_at is None else next_deal_at)
    if chosen is None:
        return None, None
    amount, currency, a, b = chosen
    return Money(amount=amount, currency=currency), text[a:b].strip()


def _the_deals_sum(text: str, candidates: list[tuple[float, str, int, int]], trigger_at: int,
                   next_trigger_at: int, next_deal_at: int) -> tuple[float, str, int, int] | None:
    """Of the sums that may be a price, the deal's: the first after its word (one said to be the total first), else
    the nearest, but not one past the word of the next deal with a company of its own, which is that deal's ('X,
    which is buying Beta, sold its unit to Gamma for $7 billion': the $7 billion is the sale's)."""
    inside = [c for c in candidates if trigger_at <= c[2] < next_trigger_at]
    # "offered $390 million in cash and 10 million shares, for a total deal value of $522 million": the total
    said_total = [c for c in inside or candidates if _said_to_be_the_value(text, c[2])]
    inside = said_total or inside
    if inside:
        return inside[0]
    outside = [c for c in candidates if c[2] < next_deal_at]
    return min(outside, key=lambda c: abs(c[2] - trigger_at)) if outside else None


def _no_price(text: str, a: int, b: int) -> bool:
    """A sum the words around it make no deal's price: a per-share price, a company's size ('which has a market value
    of 1.32 trillion yen', '$22 billion in assets'), a loss, a loan or a profit."""
    after = text[b:b + 40]
    return bool(re.match(r"^\s*(?:(?:a|per)\s+(?:share|unit)|each\b)", after, re.I)
                or NOT_DEAL_VALUE_BEFORE.search(text[max(0, a - 40):a])
                or NOT_DEAL_VALUE_AFTER.match(after) or NOT_DEAL_SUM_RE.match(after))


def _said_to_be_the_value(text: str, at: int) -> bool:
    """'a total deal value of $522 million', 'valued at about $4 billion': the words right before the sum name it the
    deal's value."""
    before = text[max(0, at - 60):at]
    ends = [m.end() for m in DEAL_VALUE_PHRASE_RE.finditer(before)]
    return bool(ends) and VALUE_HEDGE_RE.fullmatch(before[ends[-1]:]) is not None


def _after_move_verb(sentence: Span, at: int) -> bool:
    """'shares rose 5% to $30.10': a stock's price, not a deal's. A sum that sizes a deal's noun on its way to the verb
    is the deal's ('Beta's $2 billion acquisition of Gamma closed on Monday', 'rose on Beta's acquisition of Gamma
    for $2 billion')."""
    span = sentence.char_span(at, at + 1, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    for _ in range(6):
        if node.pos_ == "NOUN" and node.lemma_.lower() in DEAL_NOUNS:
            return False
        if node.pos_ == "VERB":
            return node.lemma_.lower() in MOVE_LEMMAS
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _per_share(text: str, trigger_at: int) -> dict[str, str] | None:
    matches = list(PER_SHARE_RE.finditer(text))
    if not matches:
        return None
    m = min(matches, key=lambda m: (m.start() < trigger_at, abs(m.start() - trigger_at)))
    lo = m.group("lo")
    hi = m.group("hi") or lo
    currency = CURRENCY_CODES[m.group("cur").lower()]
    return {"price_per_share": m.group(0), "price_per_share_low": lo, "price_per_share_high": hi,
            "price_per_share_currency": currency}


def _governing_chain(verb: Token) -> list[Token]:
    chain = [verb]
    node = verb
    for _ in range(6):
        if node.dep_ in ("xcomp", "ccomp", "conj", "advcl", "acl", "relcl", "dobj", "pobj", "prep", "pcomp",
                         "nsubj", "attr") and node.head.i != node.i:
            node = node.head
            chain.append(node)
        else:
            break
    return chain


def _a_right_held(node: Token, trigger: Token) -> bool:
    """"has the right to buy a further 5% interest", "granted the underwriter a 45-day option to purchase up to
    3,000,000 more units": a right held, no deal yet."""
    if node.i != trigger.i and node.tag_ == "NN" and trigger.dep_ == "acl" and (
            node.lemma_.lower() in OPTION_NOUNS or node.lower_ == "option" and node.head.lemma_.lower()
            in AWARDING_VERBS):
        return True
    return _an_option_held(node, trigger)


def _an_option_held(node: Token, trigger: Token) -> bool:
    """'Completes Assignment of Option to Acquire Up to a 100% Interest', 'Exercise in Full of Option to Purchase
    Additional Shares': the deal verb's infinitive on an option no verb governs is a right, not a deal."""
    return node.i != trigger.i and trigger.dep_ == "acl" and trigger.head.i == node.i and \
        node.lemma_.lower() in HELD_OPTION_NOUNS and node.head.pos_ not in ("VERB", "AUX")


def _negated(trigger: Token) -> bool:
    """'would not sell its shares to CVS', 'no plans to buy', 'tried to buy 3Com but failed', 'denied a report that it
    plans to buy Beta', 'after the failure of Acme's bid': no deal."""
    for node in _governing_chain(trigger)[:5]:
        if _a_right_held(node, trigger):
            return True
        if node.lemma_.lower() in DENYING_VERBS or any(c.dep_ == "conj" and _failed(c) for c in node.children):
            return True
        if _ended_by_its_maker(node) or _came_to_nothing(node, trigger):
            return True
        if any(c.dep_ == "neg" for c in node.children):
            return True
        if any(c.lower_ == "no" and c.dep_ == "det" for c in node.children):
            return True
        if _instead_of(node):
            return True
    return False


def _ended_by_its_maker(node: Token) -> bool:
    """'Harbor dropped a $3.2 billion bid for Coastal', 'pulled its offer', 'dropped its plan to bid for Talgo': the
    object of a verb that ends it is a deal called off (no claim). Only the object, and only a deal's noun: 'shares
    dropped after Acme agreed to buy Beta' keeps its deal (that clause hangs on 'dropped' as an adverbial, not as its
    object), and so do 'ended their probe of Acme's purchase of Beta', 'dropped its opposition to the sale'."""
    return node.dep_ == "dobj" and node.head.lemma_.lower() in OFFER_ENDING_VERBS and node.lemma_.lower() in \
        DEAL_NOUNS | FRAME_NOUNS


def _came_to_nothing(node: Token, trigger: Token) -> bool:
    """'a failed bid for Sainsbury', 'its abandoned offer' (a deal's noun so qualified), 'when it tried to buy ITV'
    (an attempt told after the fact), 'RBS had planned to buy LaSalle but ...' (a plan in the past perfect): no deal.
    'had agreed to sell' is no plan and keeps its deal."""
    lemma = node.lemma_.lower()
    if lemma in DEAL_NOUNS | FRAME_NOUNS and any(c.dep_ == "amod" and c.lower_ in FAILED_DEAL_WORDS
                                                 for c in node.children):
        return True
    if node.i == trigger.i or node.pos_ != "VERB" or not any(c.dep_ == "xcomp" for c in node.children):
        return False
    if lemma in ATTEMPT_VERBS and node.tag_ in ("VBD", "VBN"):
        return True
    return lemma in INTENT_VERBS and node.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had"
                                                                for c in node.children)


def _failed(verb: Token) -> bool:
    """'tried to buy Beta but failed', '... but lost out to Gamma': the attempt came to nothing."""
    lemma = verb.lemma_.lower()
    return lemma == "fail" or (lemma == "lose" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children))


def _instead_of(node: Token) -> bool:
    """'will make an investment in U.S. Steel instead of acquiring it', 'rather than selling the unit': no deal."""
    head = node.head
    return node.dep_ == "pcomp" and (head.lower_ == "of" and any(c.lower_ == "instead" for c in head.children) or
                                     head.lower_ == "than" and any(c.lower_ == "rather" for c in head.children))


def _hypothetical(verb: Token, sentence: Span) -> bool:
    """'could buy', 'if X bids': no claim at all. A deal that is the object of its approval ('regulators could clear
    Oracle's $7 billion takeover of Sun') is told whatever the approval's mood."""
    if verb.lemma_.lower() in APPROVING_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in DEAL_NOUNS
                                                      for c in verb.children):
        return False  # the mood is the approval's; the deal it approves was agreed
    for node in _governing_chain(verb)[:3]:
        auxes = {c.lower_ for c in node.children if c.dep_ == "aux"}
        if {"would", "have"} <= auxes and node.tag_ == "VBN":
            return True  # "a combination of the two would have created ...": a deal that did not happen
        for child in node.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in HYPOTHETICAL_AUX:
                return True
            if child.dep_ == "mark" and child.lower_ in CONDITION_MARKERS:
                return True
    return _would_if(verb)


def _would_if(verb: Token) -> bool:
    """'Barclays would likely sell BGI if offers approached $12 billion': a deal on a condition, no claim."""
    return any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children) and any(
        c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in CONDITION_MARKERS for g in c.children)
        for c in verb.children)


def _how_told(verb: Token, sentence: Span) -> tuple[str, str] | None:
    """(status, modality) of the deal, or None for a scenario ('could buy', 'if X bids'), which is no claim."""
    rumored = _reported_possibility(verb, sentence)
    if _hypothetical(verb, sentence) and not rumored:
        return None
    return ("rumored", "reported") if rumored else _status(verb, sentence)


def _reported_possibility(verb: Token, sentence: Span) -> bool:
    """'Reports that Microsoft may buy Yahoo', 'the brokerage may be in merger talks with Schwab, a report said': a
    deal a report or unnamed sources say may happen is a rumour, not a scenario; a condition ('if offers approached
    $12 billion') keeps it a scenario."""
    chain = _governing_chain(verb)[:3]
    if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKERS for node in chain for c in node.children):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for node in chain for c in node.children):
        return False
    return bool(RUMOR_RE.search(span_text(sentence)) or REPORT_RE.search(span_text(sentence)))


def _status(verb: Token, sentence: Span) -> tuple[str, str]:
    """(status, modality) of the deal a verb or noun tells of: the nearest framing word decides."""
    text = span_text(sentence)
    if RUMOR_RE.search(text):
        return "rumored", "reported"
    media = MEDIA_RE.search(text) is not None
    window = sentence.doc[max(sentence.start, verb.i - 4):verb.i].text
    frame_word = next((t for t in _governing_chain(verb)[1:] if t.lemma_.lower() in EXPECT_LEMMAS | ANNOUNCE_LEMMAS
                       or t.lower_ in EXPECTED_WORDS), None)
    if EXPECT_WORDS.search(window) or (frame_word is not None and frame_word.lower_ in EXPECTED_WORDS):
        # "likely to buy" in a newspaper's story is a rumour; in the writer's own words an expectation
        return ("rumored", "reported") if media else ("expected", "expected")
    if frame_word is not None and frame_word.lemma_.lower() in EXPECT_LEMMAS:
        return "expected", "reported"  # "proposed to buy": a reported proposal of a deal yet to happen
    if frame_word is not None or any(c.dep_ == "aux" and c.lower_ in WILL_AUX
                                     for t in _governing_chain(verb) for c in t.children):
        return "announced", "reported"
    return "reported", "reported"


def _announcement_day(text: str, published: date | None) -> tuple[str | None, str | None]:
    """The day the deal was announced: a weekday the sentence names, else the publication date."""
    if published is None:
        return None, None
    if m := WEEKDAY_RE.search(text):
        return weekday_on_or_before(published, WEEKDAYS[m.group(1).lower()]).isoformat(), m.group(0)
    return published.isoformat(), None


lead_module_patterns(globals())
