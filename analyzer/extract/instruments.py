"""The ``instrument_mentions`` component: which indices, stocks and other instruments a text names.

Index and fund names match case-insensitively ("the tech-heavy Nasdaq"); company names match as
written, because many are everyday words in lower case ("target", "progressive"). Reuters' RIC tags
("Wal-Mart Stores Inc. ( WMT.N )") name the ticker of the company just before them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import srsly
from spacy.attrs import ENT_IOB, ENT_TYPE, IS_SPACE, LOWER, ORTH, POS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

import analyzer.extract.doc_fields  # noqa: F401  (registers the Doc fields)
from analyzer.errors import InputError
from analyzer.extract import lexicon
from analyzer.extract.component import ExtractComponent, article_text, doc_text, span_text
from analyzer.extract.patterns import lead_module_patterns
from analyzer.market.registry import InstrumentInfo, InstrumentRegistry
from analyzer.records import Instrument

RIC_RE = re.compile(r"\(\s*(?P<ticker>[A-Z][A-Z0-9]{0,5}(?:\.[A-Z])?)\.(?:N|O|OQ|A|K|P|PK|OB)\s*\)"
                    r"|(?<![\w.(])(?P<bare>[A-Z][A-Z0-9]{0,5})\.(?:N|O|OQ|A)\b(?!\.\w)"
                    # two tags run together where a link was stripped: "RIMM.ORIM.TO"
                    r"|(?<![\w.(])(?P<glued>[A-Z][A-Z0-9]{0,5})\.(?:N|O|OQ)(?=[A-Z][A-Z0-9]{0,5}\.[A-Z]{1,2}\b)"
                    # the other order: "RIM.TORIMM.O", the listing abroad first
                    r"|(?<![\w.(])[A-Z][A-Z0-9]{0,5}\.[A-Z]{1,2}(?P<glued_after>[A-Z][A-Z0-9]{0,5})\.(?:N|O|OQ)\b"
                    # a listing written out: "Acme Holdings, Inc. (NYSE: ACM)", "Hamelin Gold (ASX:HMG)"
                    r"|\(\s*(?P<exchanges>[A-Za-z][A-Za-z -]{1,30}?)\s*:\s*"
                    r"(?P<listed>[A-Z][A-Z0-9]{0,5}(?:\.[A-Z])?)\s*\)")
TICKER_IN_PARENS_RE = re.compile(r"\(\s*(?P<ticker>[A-Z]{1,5})\s*\)")  # "The iShares Biotechnology ETF (IBB)"
FUND_HEADS = lexicon.words("instruments", "fund_heads")
# the fund families whose brand alone, right before an index's name, makes it a fund's ('the SPDR S&P ...')
FUND_BRANDS = lexicon.words("instruments", "fund_brands")
# what begins a fund's name: a brand, or a word such as 'Global' and 'First' that also begins ordinary phrases
FUND_ISSUERS = FUND_BRANDS | lexicon.words("instruments", "fund_issuers")
FUND_WORDS = FUND_HEADS | FUND_BRANDS | lexicon.words("instruments", "fund_words")  # any of them: a fund's name
TAG_TOKEN_RE = re.compile(r"[A-Z][A-Z0-9]{0,5}\.[A-Z]{1,2}")  # a tag on any exchange: "RIM.TO", "BHP.AX"
LEGAL_SUFFIXES = lexicon.words("instruments", "legal_suffixes")
# words that stand for the last instrument named: "the index", "the blue-chip average", "it"
REGISTRY_FILE = "registry.json"  # what to_disk writes: the instruments and their names
REFERRING_HEADS = lexicon.words("instruments", "referring_heads")


@dataclass(frozen=True)
class Mention:
    start: int  # token offsets in the doc
    end: int
    symbol: str | None
    name: str
    kind: str
    candidates: tuple[str, ...] = ()  # more than one when the name is ambiguous

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1

    def instrument(self) -> Instrument:
        return Instrument(name=self.name, symbol=self.symbol)



class InstrumentMentions(ExtractComponent):
    def __init__(self, nlp: Language, name: str, registry: InstrumentRegistry) -> None:
        super().__init__(nlp, name)
        self._tokenizer = nlp.tokenizer
        self._match_names_of(registry)

    def _match_names_of(self, registry: InstrumentRegistry) -> None:
        """Build the matchers for ``registry``'s names: when made, and again when a saved registry is loaded."""
        self.registry = registry
        self.by_lower = PhraseMatcher(self.vocab, attr="LOWER")
        self.by_orth = PhraseMatcher(self.vocab, attr="ORTH")
        self.symbols_of: dict[str, set[str]] = {}
        # every name a company goes by, under each of its tickers: "Google" for GOOG as for GOOGL
        self._names_by_company: dict[str, list[str]] = {}
        self._own_words_by_symbol: dict[str, frozenset[str]] = {}
        for alias, symbol in registry.aliases():
            self._names_by_company.setdefault(registry.get(symbol).name, []).append(alias)
        lower_aliases: dict[str, list[Doc]] = {}
        orth_aliases: dict[str, list[Doc]] = {}
        for written, symbol in self._written_forms(registry.aliases()):
            key = written.strip()
            info = registry.get(symbol)
            # case matters for company names and ticker-like strings ("Dow" the index, "DOW" the company)
            case_sensitive = info.kind == "stock" or key.isupper()
            target = orth_aliases if case_sensitive else lower_aliases
            self.symbols_of.setdefault(key if case_sensitive else key.lower(), set()).add(symbol)
            target.setdefault(key, []).append(self._tokenizer(key))
            if "'" in key:  # writers use curly apostrophes too
                target.setdefault(key, []).append(self._tokenizer(key.replace("'", "\u2019")))
            if "-" in key:  # the registry's keys take a hyphen for a space ('Nasdaq 100' is 'Nasdaq-100'): so do we
                target.setdefault(key, []).append(self._tokenizer(key.replace("-", " ")))
        for key, docs in lower_aliases.items():
            self.by_lower.add(key.lower(), docs)
        for key, docs in orth_aliases.items():
            self.by_orth.add(key, docs)

    # -- a saved pipeline carries its names: loading it needs no market directory -----------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / REGISTRY_FILE, {
            "instruments": [asdict(info) for info in self.registry.instruments()],
            "aliases": [list(pair) for pair in self.registry.aliases()],
        })

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> InstrumentMentions:
        file = Path(path) / REGISTRY_FILE
        if not file.is_file():
            raise InputError(f"{file}: missing; the {self.name!r} component of a saved pipeline keeps its "
                             "instrument names there")
        data = srsly.read_json(file)
        registry = InstrumentRegistry()
        for row in data["instruments"]:
            registry.add(InstrumentInfo(**row))
        # aliases() already holds the curated name where one shadows a derived one: all come back as curated
        for written, symbol in data["aliases"]:
            registry.add(registry.get(symbol), [written])
        self._match_names_of(registry)
        return self

    @staticmethod
    def _written_forms(aliases: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Aliases without a leading 'the', so that 'the S&P 500' matches 'S&P 500', not 'the S&P'."""
        out = []
        for alias, symbol in aliases:
            if alias.lower().startswith("the ") and len(alias) > 6:
                alias = alias[4:]
            out.append((alias, symbol))
        return out

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for matcher in (self.by_lower, self.by_orth):
            for match_id, start, end in matcher(doc):
                spans.append(Span(doc, start, end, label=doc.vocab.strings[match_id]))
        rics = self._ric_spans(doc)
        later = [t for t in self._later_mentions_of_tagged_names(doc, rics) if not self._an_index_there(t, spans)]
        tagged = rics + later
        # a name the article itself tied to a ticker ("Dow Chemical Co. ( DOW.N )" ... "Dow climbed") wins
        # over a registry name that happens to match the same words
        spans = [s for s in spans if not any(s.start < t.end and t.start < s.end for t in tagged)]
        spans = [s for s in spans if not _shouting(s) and not self._an_index_name_goes_on(s, spans)]
        spans.extend(tagged)
        spans = [s for s in spans if not self._a_fund_tag_of_an_index(s, spans)]
        spans.extend(self._tickers_of_others(_unlisted_companies(doc, spans, self._listed_as, self._listed,
                                                                 self.registry.resolve), rics))
        spans.extend(_funds_named_without_ticker(doc, spans))
        mentions = [m for m in map(self._span_mention, filter_spans(spans)) if m is not None]
        doc._.instruments = _short_names_spelled_out(doc, sorted(mentions, key=lambda m: m.start), self._listed)
        return doc

    def _listed(self, name: str) -> bool:
        """Whether the registry lists an instrument under ``name`` (any case): 'Block' is Block Inc's, so never a
        short form of 'H&R Block'."""
        return bool(self.registry.resolve(name))

    def _an_index_name_goes_on(self, span: Span, spans: list[Span]) -> bool:
        """'the tech-heavy Nasdaq 100': the index name that ends inside a longer one going on ('Nasdaq 100') is that
        one's start, not the Composite's alias."""
        return self._kinds(span) == {"index"} and any(
            span.start < other.start < span.end < other.end and self._kinds(other) == {"index"} for other in spans)

    def _a_fund_tag_of_an_index(self, span: Span, spans: list[Span]) -> bool:
        """'The S&P 500 Index ($SPX) (SPY) closed down -0.47%': a fund's ticker in parentheses right after an index's
        name (and its own '$' code) tags the index with the fund that tracks it; the move told is the index's."""
        doc = span.doc
        tagged = span.label_.startswith("RIC:")
        kinds = {i.kind for i in self.registry.resolve(span.label_[4:])} if tagged else self._kinds(span)
        if kinds != {"etf"}:
            return False
        start = _tags_start(doc, span.start, span.end)
        if start is None:
            return False
        return any(self._kinds(other) == {"index"} and other.end <= start and
                   all(t.lower_ in INDEX_NAME_WORDS for t in doc[other.end:start]) for other in spans)

    def _span_mention(self, span: Span) -> Mention | None:
        """What a matched span names: another index ('the S&P Airlines Index'), nothing, or an instrument."""
        tagged = span.label_.startswith("RIC:")
        sub_index_end = None if tagged else (_sub_index_end(span) or self._index_named_for_a_company(span))
        if sub_index_end is not None:
            # "the S&P Airlines Index", "MSCI world equity index": another index, named, with no data here
            doc = span.doc
            words = [t for t in doc[span.start:sub_index_end] if not _index_code(t)]
            name = doc_text(doc)[words[0].idx:words[-1].idx + len(words[-1])]
            return Mention(span.start, sub_index_end, None, name, "index")
        if not tagged and (_part_of_another_name(span) or _modifier_only(span) or _a_venue_or_a_ranking(span)
                           or self._a_fund_named_for_an_index(span)):
            return None
        longer = None if tagged else self._another_company_named_longer(span)
        if longer is not None:
            return Mention(span.start, longer.end, None, longer.text, "stock")
        return self._mention(span)

    def _kinds(self, span: Span) -> set[str]:
        """The kinds of instrument ('stock', 'index', ...) a matched name may stand for."""
        return {self.registry.get(sym).kind for sym in self.symbols_of.get(span.label_, ())}

    def _another_company_named_longer(self, span: Span) -> Span | None:
        """'PTC India', 'Coca-Cola HBC': a listed company's name followed by a country or by a code of letters
        names another company (a subsidiary abroad, a bottler), which has no data here; that longer name."""
        symbols = self.symbols_of.get(span.label_, ())
        doc = span.doc
        if span.end >= len(doc) or self._kinds(span) != {"stock"}:
            return None
        after = doc[span.end]
        lower = after.lower_
        if lower in LEGAL_SUFFIXES or lower in US_NAMES or lower in NOT_LONGER_NAME_CODES or after.text in symbols or \
                lower in US_EXCHANGES or lower in FOREIGN_EXCHANGES or after.text in self.registry:
            return None
        country = (after.ent_type_ == "GPE" or after.lower_ in COUNTRY_NAMES) and after.pos_ == "PROPN"
        code = after.is_upper and after.is_alpha and 2 <= len(after) <= 5 and after.pos_ == "PROPN"
        if country or code:
            return doc[span.start:span.end + 1]
        end = self._name_going_on(span)
        return doc[span.start:end] if end is not None else None

    def _name_going_on(self, span: Span) -> int | None:
        """'Shares of PNC Infra', 'Ford Otosan shares', 'Coca-Cola Icecek': a listed company's name that goes on in a
        capitalised word of no name of that company, inside one organization's name or right before the share word,
        names another company (which we do not list); where that name ends. 'JPMorgan Chase', 'Apple Inc' and 'Apple
        Chief Executive Tim Cook' are the listed company."""
        doc = span.doc
        own = self._own_words(self.symbols_of.get(span.label_, ()))
        end = span.end
        while end < len(doc) and end - span.end < 3 and _another_name_word(doc[end], own):
            end += 1
        if end == span.end:
            return None
        same_org = doc[end - 1].ent_type_ == "ORG" and doc[end - 1].ent_iob_ == "I" and span[-1].ent_type_ == "ORG"
        shares = end < len(doc) and doc[end].lower_ in SHARE_WORDS | {"'s", "\u2019s"}
        owned = doc[end - 1].dep_ == "pobj" and doc[end - 1].head.lower_ == "of" and \
            doc[end - 1].head.head.lower_ in SHARE_WORDS
        return end if same_org or shares or owned else None

    def _own_words(self, symbols: Iterable[str]) -> frozenset[str]:
        """The words of every name the companies listed under ``symbols`` go by, lower-cased (made once a symbol: the
        registry does not change while the component reads)."""
        return frozenset().union(*(self._own_words_of(symbol) for symbol in symbols))

    def _own_words_of(self, symbol: str) -> frozenset[str]:
        words = self._own_words_by_symbol.get(symbol)
        if words is None:
            name = self.registry.get(symbol).name
            names = [name, *self._names_by_company.get(name, [])]
            words = frozenset(w for written in names for w in re.findall(r"[a-z0-9]+", written.lower()))
            self._own_words_by_symbol[symbol] = words
        return words

    def _a_fund_named_for_an_index(self, span: Span) -> bool:
        """'the SPDR S&P regional banking ETF', 'the Invesco Nasdaq 100 ETF': a fund whose name holds an index's
        is not the index (an index is never checked for a fund we cannot tell apart from it)."""
        kinds = self._kinds(span)
        if kinds != {"index"}:
            return False
        doc = span.doc
        if span.start > 0 and doc[span.start - 1].lower_ in FUND_BRANDS:
            return True
        for tok in doc[span.end:span.end + 5]:
            if tok.lower_ in FUND_HEADS or tok.lemma_.lower() in FUND_HEADS:
                return True
            if tok.is_punct or tok.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "NUM"):
                return False
        return False

    def _index_named_for_a_company(self, span: Span) -> int | None:
        """'the MSCI index': a company's name before 'index' names one of its indices, never its shares (an
        index is never its namesake company); where that index's name ends."""
        doc = span.doc
        kinds = self._kinds(span)
        if kinds != {"stock"} or span.end >= len(doc) or doc[span.end].lower_ not in SUB_INDEX_HEADS:
            return None
        return span.end + 1

    def _mention(self, span: Span) -> Mention | None:
        label = span.label_
        if label.startswith(UNLISTED):
            return Mention(span.start, span.end, None, label[len(UNLISTED):], "stock")
        if label.startswith("RIC:") and span.text.startswith("$"):
            # a cashtag names its ticker and nothing else: our listing under it, else the ticker alone
            symbol = label[4:]
            known = [i for i in self.registry.resolve(symbol) if i.kind in ("stock", "etf")]
            name = known[0].name if known else symbol
            return Mention(span.start, span.end, symbol, name, known[0].kind if known else "stock", (symbol,))
        if label.startswith("RIC:"):
            return self._tagged_mention(span)
        symbols = sorted(self.symbols_of.get(label, ()))
        if not symbols:
            return None
        infos = [self.registry.get(s) for s in symbols]
        first = infos[0]
        if len(infos) > 1:
            return Mention(span.start, span.end, None, span.text, first.kind, tuple(symbols))
        if first.kind == "yield" and _a_foreign_yield(span):
            return Mention(span.start, span.end, None, span.text, "yield")
        symbol = _share_class(span, first.symbol)
        return Mention(span.start, span.end, symbol, first.name, first.kind, (symbol,))

    def _tagged_mention(self, span: Span) -> Mention:
        """A name a tag followed ('Alcoa Inc. ( AA.N )'), or a ticker the story tagged before written alone."""
        symbol = span.label_[4:]
        known = self.registry.resolve(symbol)
        written = _name_without_tag(span)
        if known and not span.kb_id_ and not self._same_company(written, known[0].name):
            # "Washington Mutual ( WM.N )" in 2008 is not today's WM (Waste Management): tickers are reused
            return Mention(span.start, span.end, None, written, "stock")
        name = known[0].name if known else span.kb_id_ or written  # a bare ticker: the name its tag followed
        fund = known[0].kind == "etf" if known else _a_fund(written.split())
        kind = "etf" if fund else "stock"
        return Mention(span.start, span.end, symbol, name, kind, (symbol,))

    def _listed_as(self, name: Span, shorter_than: int) -> str | None:
        """'GE Healthcare Technologies' -> GEHC: the listed company whose name the written one begins with, found
        case-insensitively, word by word down to ``shorter_than`` + 1 words."""
        for end in range(name.end, name.start + shorter_than, -1):
            found = [i for i in self.registry.resolve(name.doc[name.start:end].text) if i.kind == "stock"]
            if len(found) == 1:
                # 'PNC Infra' is not PNC: the words past the listed name must be its own, or a word only a company's
                # name ends with ('GE Healthcare Technologies' is GEHC)
                own = self._own_words([found[0].symbol]) | COMPANY_NAME_ENDS
                others = [t for t in name.doc[end:name.end] if _another_name_word(t, own)]
                return None if others else found[0].symbol
        return None

    def _same_company(self, written: str, listed_name: str) -> bool:
        """Whether the name an article tags with a ticker is the company we list under it today."""
        words = [w for w in re.findall(r"[a-z0-9]+", written.lower().replace("-", "")) if w not in LEGAL_SUFFIXES]
        if not words:
            return True
        listed = [listed_name, *self._names_by_company.get(listed_name, [])]
        names = [re.sub(r"[^a-z0-9]", "", n.lower()) for n in listed]
        # the first word, or the second after a word the sentence put before the name ('Retailer Target Corp')
        return any(word[:4] in n for word in words[:2] for n in names)

    def _ric_spans(self, doc: Doc) -> list[Span]:
        """A RIC tag names the company written just before it: 'Alcoa Inc. ( AA.N )'."""
        out = []
        for m in RIC_RE.finditer(doc_text(doc)):
            tag = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if tag is None or tag.start == 0:
                continue
            end = tag.start
            start = _tagged_name_start(doc, end)
            if start == end:
                continue
            label = _tag_label(m, doc[start:tag.start])
            if label is not None:
                out.append(Span(doc, start, tag.end, label=label))
        return out + self._tickers_in_parentheses(doc) + _cashtags(doc)

    def _tickers_in_parentheses(self, doc: Doc) -> list[Span]:
        """'The iShares Biotechnology ETF (IBB)': a bare ticker after a fund's name is the fund's, prices or not;
        after another name, only the ticker we list that company under ('Consumer Price Index (CPI)' is none)."""
        out = []
        for m in TICKER_IN_PARENS_RE.finditer(doc_text(doc)):
            tag = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            start = _tagged_name_start(doc, tag.start) if tag is not None and tag.start > 0 else None
            if tag is None or start is None or start == tag.start:
                continue
            name = doc[start:tag.start]
            known = [i for i in self.registry.resolve(m.group("ticker")) if i.kind in ("stock", "etf")]
            if (_a_fund(name) and not known) or (known and self._same_company(name.text, known[0].name)) or \
                    (not known and _a_companys_ticker(name, tag)):
                out.append(Span(doc, start, tag.end, label="RIC:" + m.group("ticker")))
        return out

    def _an_index_there(self, tagged: Span, spans: list[Span]) -> bool:
        """'The Nasdaq Composite Index .IXIC climbed' in a story about Nasdaq the company: an index is never its
        namesake company. A longer index name wins, and so does the same name beside another index."""
        if _told_with_share_words(tagged):
            return False  # "Shares of Dow have risen" after "Dow Chemical Co. ( DOW.N )": an index has no shares
        for span in spans:
            if not (span.start < tagged.end and tagged.start < span.end):
                continue
            kinds = self._kinds(span)
            if "index" not in kinds:
                continue
            if len(span) > len(tagged) or OTHER_INDEX_RE.search(span_text(tagged.sent)):
                return True
        return False

    def _later_mentions_of_tagged_names(self, doc: Doc, rics: list[Span]) -> list[Span]:
        """After 'Motorola Inc. ( MOT.N )', a later bare 'Motorola' is the same company, and so is its ticker written
        alone ('AA stock fell' after 'Alcoa Corp (NYSE: AA)'; ``_a_bare_ticker``)."""
        names, written = self._names_of_tagged(rics)
        out: list[Span] = []
        if not names:
            return out
        tagged = {(s.start, s.end) for s in rics}
        texts = [t.text for t in doc]  # once per doc: slicing the doc per position and name made Tokens by millions
        firsts = {key[0] for key in names}
        for i, first in enumerate(texts):
            if first not in firsts:
                continue
            for key, label in names.items():
                n = len(key)
                if tuple(texts[i:i + n]) == key and not any(a <= i < b for a, b in tagged) and \
                        (key[0] not in written or _a_bare_ticker(doc[i])):
                    out.append(Span(doc, i, i + n, label=label, kb_id=written.get(key[0], "") if n == 1 else ""))
        return out

    def _tickers_of_others(self, spans: list[Span], rics: list[Span]) -> list[Span]:
        """'WM shares fell' after 'Washington Mutual Inc. ( WM.N )' in 2008: a ticker written alone that the story tied
        to a company other than the one we list under it names that company (by name), not ours."""
        others = {}
        for ric in rics:
            ticker = ric.label_[4:] if ric.label_.startswith("RIC:") else ""
            known = self.registry.resolve(ticker) if ticker.isupper() else []
            if known and not self._same_company(_name_without_tag(ric), known[0].name):
                others[ticker] = _name_without_tag(ric)
        return [Span(s.doc, s.start, s.end, label=UNLISTED + others[s.text])
                if s.label_ == "RIC:" + s.text and s.text in others else s for s in spans]

    def _names_of_tagged(self, rics: list[Span]) -> tuple[dict[tuple[str, ...], str], dict[str, str]]:
        """The words of each tagged name, its first word and its ticker -> the tag's label; and each such ticker -> the
        name its tag followed, which the ticker's bare mentions take."""
        names: dict[tuple[str, ...], str] = {}
        written: dict[str, str] = {}
        for span in rics:
            words = [t.text for t in span if not t.is_punct and not _is_tag(t)]
            while words and words[-1].lower() in LEGAL_SUFFIXES:
                words.pop()
            if words and words[0].lower() == "the":
                words = words[1:]
            if words:
                names[tuple(words)] = span.label_
                names.setdefault(_short_name(words), span.label_)  # "Micron Technology" -> later "Micron"
            ticker = self._tickers_own_company(span)
            if ticker is not None and (ticker,) not in names:
                names[(ticker,)] = span.label_
                written[ticker] = _name_without_tag(span)
        return names, written

    def _tickers_own_company(self, span: Span) -> str | None:
        """The ticker a tag gives the name before it, where that ticker, written alone later, can only be that company:
        letters only, and the company we list under it (or none we list): 'Washington Mutual ( WM.N )' in 2008 is
        not today's WM."""
        if not span.label_.startswith("RIC:") or span.text.startswith("$"):
            return None
        ticker = span.label_[4:]
        if not ticker.isalpha() or not ticker.isupper() or len(ticker) < 2:
            return None
        known = self.registry.resolve(ticker)
        return ticker if not known or self._same_company(_name_without_tag(span), known[0].name) else None


def _a_bare_ticker(token: Token) -> bool:
    """A ticker written alone where it stands for its company: three letters or more, or two before a share word
    ('AA stock fell'); not in a line of capitals ('BANKS AND AA LEAD')."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if len(token.text) < 3 and (after is None or after.lower_ not in SHARE_WORDS):
        return False
    neighbours = [t for t in doc[max(token.i - 2, 0):token.i + 3] if t.is_alpha and t.i != token.i]
    return not any(t.is_upper and len(t) > 2 for t in neighbours)


NOT_TICKERS = lexicon.words("share_owners", "not_tickers")
Resolver = Callable[[str], list[InstrumentInfo]]


def _written_as_a_ticker(token: Token) -> bool:
    """'TIMB shares', 'Shares of CSCO', 'BROS stock': a word of two to five capital letters alone, owning shares,
    outside a line of capitals, and no word in capitals that names no company ('AI stocks', 'REIT shares')."""
    return token.is_upper and token.is_alpha and 2 <= len(token) <= 5 and token.lower_ not in NOT_TICKERS and \
        token.lower_ not in NOT_COMPANIES and token.ent_type_ not in PLACE_ENTITIES and _owns_shares(token) and \
        _a_bare_ticker(token) and not _told_as_a_name(token)


def _told_as_a_name(token: Token) -> bool:
    """'bond insurer MBIA', "Taiwan's TSMC", 'ABN shares' in a story that writes 'ABN AMRO', 'TSE shares' after 'the
    Tokyo Stock Exchange': a name in capitals, described or owned before it, written longer elsewhere or standing
    for a name the story spelled out, is the company's name, not its ticker."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    if before is not None and (before.pos_ in ("NOUN", "ADJ", "PROPN", "PART") or before.lower_ in ("'s", "\u2019s")):
        return True
    if any(_abbreviates(token.text, run.text) for run in _proper_name_runs(doc)):
        return True
    return any(t.text == token.text and t.i + 1 < len(doc) and doc[t.i + 1].is_alpha and doc[t.i + 1].text[:1].isupper()
               and doc[t.i + 1].lower_ not in SHARE_WORDS and doc[t.i + 1].pos_ == "PROPN" for t in doc)


def _owns_shares(token: Token) -> bool:
    """'TIMB shares', "CSCO's stock", 'shares of CSCO': the word is whose shares they are ('RBC cut its target to
    $120' names a broker)."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    return head.i != token.i and head.lower_ in SHARE_WORDS


def ticker_span(name: Span, resolve: Resolver) -> Span | None:
    """The span of a ticker written alone that we list ('Shares of CSCO' is Cisco; three letters or more: 'BA shares'
    in a London story are British Airways'); None for one we do not list, which stays a name as written ('KZT
    shares')."""
    ticker = name.text
    known = [i for i in resolve(ticker) if i.kind in ("stock", "etf")] if len(ticker) > 2 else []
    return Span(name.doc, name.start, name.end, label="RIC:" + ticker, kb_id=known[0].name) if known else None


CASHTAG_RE = re.compile(r"(?<![\w$])\$(?P<cash>[A-Z]{1,5})\b(?![.\w])")  # '$ACMR fell 8%'


def _cashtags(doc: Doc) -> list[Span]:
    """'$ACMR fell 8%': a cashtag is a ticker wherever it is written ('US$5', '$5' are money, no cashtag), but in
    parentheses after a name ('the S&P 500 ($SPX) (SPY)') it is that name's code."""
    out = []
    text = doc_text(doc)
    for m in CASHTAG_RE.finditer(text):
        if text[m.start() - 1:m.start()] == "(" and text[m.end():m.end() + 1] == ")":
            continue  # '($SPX)' after a name tags that name (an index's code): the name decides, not the tag
        tag = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if tag is not None:
            out.append(Span(doc, tag.start, tag.end, label="RIC:" + m.group("cash")))
    return out


def _a_companys_ticker(name: Span, tag: Span) -> bool:
    """'The Carlyle Group (CG) shares were down', 'Acme Robotics Corp. (ACMR) jumped 12%': a ticker we do not list,
    in parentheses after a proper name that only a company can be here -- its shares named right after the tag,
    or a company's legal suffix or company word ending the name ('Consumer Price Index (CPI) rose' is neither).
    The claim keeps the symbol the text wrote; with no prices for it, the checker calls it unverifiable."""
    doc = name.doc
    words = [t for t in name if not t.is_punct]
    if not words or not _may_name_a_company(name) or not all(t.text[:1].isupper() or t.text == "&" or
                                                             t.lower_ in NAME_JOINERS for t in words):
        return False
    after = doc[tag.end] if tag.end < len(doc) else None
    shares_after = after is not None and after.lower_ in SHARE_WORDS
    company_end = words[-1].lower_.rstrip(".") in LEGAL_SUFFIXES | COMPANY_NAME_ENDS
    if any(t.lower_ in NOT_COMPANIES | SUB_INDEX_HEADS for t in words):
        return False
    return shares_after or company_end or _a_move_told_after_the_tag(words, tag)


def _a_move_told_after_the_tag(words: list[Token], tag: Span) -> bool:
    """'Snowflake (SNOW) jumped 9% before the bell', 'Acme (ACME) was down 3%': a code in parentheses that the
    sentence goes on to move is a ticker, unless it holds the name's initials ('Consumer Price Index (CPI)',
    'Gross Domestic Product (GDP) rose', whose name may be read without its first word) or the name is a coin, a
    metal or a fuel ('Bitcoin (BTC) rose 3%')."""
    doc = tag.doc
    code = "".join(t.text for t in tag if t.is_alpha)
    initials = "".join(t.text[0] for t in words if t.lower_ not in NAME_JOINERS).upper()
    if (len(initials) > 1 and initials in code) or any(t.lower_ in TAGGED_ASSETS for t in words):
        return False
    i = tag.end
    while i < len(doc) and doc[i].pos_ == "ADV":
        i += 1
    if i >= len(doc):
        return False
    verb = doc[i]
    if verb.lemma_.lower() in MOVE_VERBS or verb.lower_ in MOVE_VERBS:
        return True
    return verb.lemma_.lower() in TOLD_MOVE_VERBS and i + 1 < len(doc) and (
        doc[i + 1].lower_ in COPULA_DIRECTIONS or doc[i + 1].like_num)


def _told_with_share_words(span: Span) -> bool:
    """'Shares of Dow', 'Dow shares', "Dow's stock": a name told as a company's shares."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(span.start - 2, 0):span.start]]
    after = [t.lower_ for t in doc[span.end:span.end + 2]]
    if after[:1] in (["'s"], ["\u2019s"]):
        after = after[1:]
    return (len(before) == 2 and before[0] in SHARE_WORDS and before[1] == "of") or \
        bool(after) and after[0] in SHARE_WORDS


OTHER_INDEX_RE = re.compile(r"\b(Dow|S&P|Standard & Poor's|Russell 2000|blue[- ]chip)\b")
UNLISTED = "UNLISTED:"
MOVE_VERBS = lexicon.words("moves", "up_verbs") | lexicon.words("moves", "down_verbs")
PERCENT_WORDS = lexicon.words("moves", "percent_words")
SHARE_WORDS = lexicon.words("moves", "share_nouns")  # "shares of X", "X's stock": only a company is named there
SHARE_WORD_HASHES = np.array(sorted(get_string_id(w) for w in SHARE_WORDS), dtype=np.uint64)
FUND_HEAD_HASHES = np.array(sorted(get_string_id(w) for w in FUND_HEADS), dtype=np.uint64)
ORG_HASH = get_string_id("ORG")  # a symbol: 383, not a hash
# proper nouns that sit where a company would but are places, markets or share classes
NOT_COMPANIES = lexicon.words("instruments", "not_companies")
NOT_COMPANY_ENTITIES = lexicon.words("instruments", "not_company_entities")
# the last word of a name that only a company has ('Acme Therapeutics (ACMT)'), besides the legal suffixes
COMPANY_NAME_ENDS = lexicon.words("instruments", "company_name_ends")
TAGGED_ASSETS = lexicon.words("instruments", "tagged_assets")
TOLD_MOVE_VERBS = frozenset({"be", "close", "end", "finish", "trade", "open"})  # 'was down 3%', 'closed up 4%'


def _unlisted_companies(doc: Doc, known: list[Span], listed_as: Callable[[Span, int], str | None],
                        listed: Callable[[str], bool], resolve: Resolver) -> list[Span]:
    """Companies we have no listing for, named where only a company can be: 'Shares of Fannie Mae
    tumbled', "Washington Mutual's stock dropped", 'Freddie Mac lost 8.6 percent to $45.13'. Their
    claims come out with a name and no symbol, and the checker calls them unverifiable. A name written longer
    than the listed one ('GE Healthcare Technologies shares', listed 'GE HealthCare') is the listed company. A
    ticker written alone as the owner ('TIMB shares', 'Shares of CSCO', 'BROS stock') is that ticker
    (``ticker_span``)."""
    taken = [(s.start, s.end) for s in known]
    out: list[Span] = []
    for head in _company_heads(doc):
        name = proper_name_ending_at(head) or _a_short_name_of_a_company(head, listed)
        if name is None:
            continue
        inside = [b - a for a, b in taken if a < name.end and name.start < b]
        core = name[:-1] if name[-1].lower_ in ("'s", "\u2019s") else name
        ticker = ticker_span(core, resolve) if not inside and len(core) == 1 and _written_as_a_ticker(core[0]) \
            else None
        if ticker is not None:
            out.append(ticker)
            taken.append((name.start, name.end))
            continue
        # 'Shares in Lloyds' (a London story's way): a name only, never resolved to a listing we have (a US line
        # of a company whose shares the story follows on another exchange)
        symbol = listed_as(core, max(inside, default=0)) if all(n < len(core) for n in inside) and \
            not _owned_after_in(head) else None
        if symbol is not None:
            out.append(Span(doc, name.start, name.end, label="RIC:" + symbol))
        if inside or symbol is not None:
            continue
        text = name.text.removesuffix("'s").removesuffix("\u2019s").strip()
        out.append(Span(doc, name.start, name.end, label=UNLISTED + text))
        taken.append((name.start, name.end))
    return out


def _a_short_name_of_a_company(head: Token, listed: Callable[[str], bool]) -> Span | None:
    """'Novo shares were up 3%' after 'Novo Nordisk ...': a short name the entity tagger takes for a person's or a
    place's, where it opens the name of one company the story gave (``_opened_by``), is that company's."""
    doc = head.doc
    start = head.i - 1 if head.i > 0 and doc[head.i - 1].pos_ == "PROPN" and doc[head.i - 1].is_title else head.i
    end = head.i + 1
    if end < len(doc) and doc[end].lower_ in ("'s", "\u2019s"):
        end += 1
    words = doc[start:head.i + 1]
    text = words.text
    if head.pos_ != "PROPN" or not all(t.is_title and t.is_alpha for t in words) or \
            _name_goes_on_before(doc, start) or not _may_be_a_short_form(text, listed):
        return None  # 'Fresh Del Monte shares': the name goes on before the run
    found = _opened_by(doc, Mention(start, head.i + 1, None, text, "stock"), [])
    return doc[start:end] if found is not None else None


def _short_names_spelled_out(doc: Doc, mentions: list[Mention], listed: Callable[[str], bool]) -> list[Mention]:
    """'RIM shares surged' after 'Research in Motion', 'LSE' after 'the London Stock Exchange', 'SocGen' after
    'Societe Generale', 'Novo shares' after 'Novo Nordisk': a company we know only by a short name is the one the
    story spelled out before (its listing, when we have one; else its whole name, tags left off). Two such names:
    neither."""
    out: list[Mention] = []
    for mention in mentions:
        spelled = _spelled_out(doc, mention, out, listed) if mention.symbol is None and mention.kind == "stock" \
            else None
        if spelled is not None:
            symbol, name = spelled
            mention = Mention(mention.start, mention.end, symbol, _name_text(name), "stock",
                              (symbol,) if symbol else ())
        out.append(mention)
    return out


def _spelled_out(doc: Doc, mention: Mention, before: list[Mention],
                 listed: Callable[[str], bool]) -> tuple[str | None, str] | None:
    """(symbol, whole name) of the one company named before ``mention`` that its name is a short form of."""
    longer = {(m.symbol, m.name) for m in before if m.symbol is not None and m.kind == "stock"
              and _abbreviates(mention.name, m.name)}
    longer |= {(None, name) for e in organization_names(doc) if e.start < mention.start
               for name in [_without_dateline(e)] if _abbreviates(mention.name, name)}
    if not longer and _may_be_a_short_form(mention.name, listed) and not _name_goes_on_before(doc, mention.start):
        return _opened_by(doc, mention, before)
    if len({symbol for symbol, _ in longer if symbol is not None}) == 1:  # the listing the story tied it to
        longer = {pair for pair in longer if pair[0] is not None}
    if len({_company_words(name) for _, name in longer}) != 1:
        return None
    # one company under several spellings ('Clear Channel Outdoor Holdings Inc.', 'Clear Channel Outdoor'): its
    # whole name, picked by length and then spelling (a set's order differs from process to process)
    return max(longer, key=lambda pair: (len(pair[1]), pair[1]))


def _opened_by(doc: Doc, mention: Mention, before: list[Mention]) -> tuple[str | None, str] | None:
    """'Novo shares' after 'Novo Nordisk', 'Rio stock' after 'Rio Tinto', 'Colgate' after 'Colgate-Palmolive': the one
    company named before whose name the short one opens (its listing, when the story tied it to one). Names of two
    companies it opens ('Toyota Motor', 'Toyota Industries'): neither."""
    longer = _names_opened_by(doc, mention, before)
    words = {_name_words(name) for _, name in longer}
    symbols = {symbol for symbol, _ in longer if symbol is not None}
    if not words or len(symbols) > 1 or not all(a[:len(b)] == b or b[:len(a)] == a for a in words for b in words):
        return None
    if symbols:  # the listing the story tied that name to
        longer = {pair for pair in longer if pair[0] is not None}
    # one company written shorter and longer ('Playa Hotels', 'Playa Hotels & Resorts'): its whole name, picked by
    # length and then spelling (a set's order differs from process to process), possessive left off
    symbol, name = max(longer, key=lambda pair: (len(_name_words(pair[1])), len(pair[1]), pair[1]))
    return symbol, name.removesuffix("'s").removesuffix("\u2019s")


def _names_opened_by(doc: Doc, mention: Mention, before: list[Mention]) -> set[tuple[str | None, str]]:
    """(symbol, name) of each company named before ``mention`` (or anywhere in the article's text, by name) whose
    name its name opens."""
    longer = {(m.symbol, m.name) for m in before if m.kind == "stock" and _opens(mention.name, m.name)}
    longer |= {(None, name) for e in [*organization_names(doc), *_proper_name_runs(doc)] if e.start < mention.start
               for name in [_without_dateline(e)] if _opens(mention.name, name)}
    longer |= {(None, name) for name in _names_written_from(mention.name, article_text(doc))
               if _opens(mention.name, name)}
    return longer


NAME_WORD_RE = re.compile(r"(?:[ \t]+(?:&[ \t]+)?|-)([A-Z][\w'&/\u2019-]*\.?)(?![\w.])")
# words a run of capitalised words in a headline or a lead goes on with that are no name's ('Acme Says Sales Rose')
NOT_NAME_WORDS = lexicon.words("headlines", "small_words") | lexicon.words("headlines", "move_words") | \
    lexicon.words("headlines", "news_words")


def _names_written_from(short: str, text: str) -> set[str]:
    """The longer names the whole article writes opening with ``short`` ('Novo Nordisk' in a lead the gate left out
    of the parsed text, before 'Novo shares ...'): ``short`` and the capitalised words after it, up to a word no
    name has ('Rio Tinto Says Output Rose': 'Rio Tinto')."""
    out: set[str] = set()
    for m in re.finditer(r"(?<![\w&.-])" + re.escape(short) + r"(?![\w&])", text):
        end, words = m.end(), 0
        while words < 4 and text[end - 2:end] not in ("'s", "\u2019s"):
            step = NAME_WORD_RE.match(text, end)
            if step is None or _not_a_name_word(step.group(1)):
                break
            end, words = step.end(), words + 1
        if words:
            out.add(text[m.start():end].rstrip(".,").removesuffix("'s").removesuffix("\u2019s"))
    return out


def _not_a_name_word(word: str) -> bool:
    lower = word.lower().rstrip(".,").removesuffix("'s").removesuffix("\u2019s")
    return lower in NOT_NAME_WORDS or lower in SHARE_WORDS or lower in MOVE_VERBS or lower in COPULA_DIRECTIONS or \
        lower in NAME_RUN_STOPS or lower in NOT_LONGER_NAME_CODES


NAME_RUN_STOPS = lexicon.words("instruments", "name_run_stops")


def _proper_name_runs(doc: Doc) -> list[Span]:
    """Each run of capitalised proper nouns, whatever entity the tagger gave it ('Novo Nordisk' read as a person,
    'Rio Tinto' as a place): the names a short one may open (``_opens``). Only companies' names reach a claim."""
    proper = doc.to_array([POS]).astype(np.uint64).reshape(-1) == np.uint64(PROPN)
    starts = np.flatnonzero(proper & ~np.concatenate(([False], proper[:-1])))
    ends = np.flatnonzero(proper & ~np.concatenate((proper[1:], [False]))) + 1
    return [doc[int(a):int(b)] for a, b in zip(starts, ends, strict=True) if b - a > 1]


def _name_goes_on_before(doc: Doc, start: int) -> bool:
    """'Fresh Del Monte shares': a capitalised word inside the sentence right before the short name makes the name
    longer than it; no short form of another."""
    return start > 0 and doc[start - 1].text[:1].isupper() and not doc[start].is_sent_start


def _may_be_a_short_form(short: str, listed: Callable[[str], bool]) -> bool:
    """Whether a name may be the first word(s) of a longer one: a proper name of letters, no word that opens many
    names ('American', 'General', 'China'), no everyday word, no name the registry lists for another instrument."""
    words = short.split()
    if not words or len(words) > 2 or not all(w.replace("-", "").isalpha() and w[:1].isupper() for w in words):
        return False
    lower = [w.lower() for w in words]
    return not (lower[0] in GENERIC_NAME_STARTS or any(w in NOT_COMPANIES | COUNTRY_NAMES | US_NAMES for w in lower)
                or len(short) < 3 or listed(short))


def _name_words(name: str) -> tuple[str, ...]:
    """A company's name as lower-case words, legal suffixes, 'the', tags and possessives left off and hyphened
    words split ('Colgate-Palmolive Co.' -> ('colgate', 'palmolive'))."""
    words = [w.removesuffix("'s").removesuffix("\u2019s") for w in _company_words(name)]
    return tuple(part for w in words if w not in FOREIGN_LEGAL_SUFFIXES for part in w.split("-") if part)


def _opens(short: str, long: str) -> bool:
    """Whether ``short`` is the first word(s) of the longer name ``long`` of one company: 'Novo' of 'Novo Nordisk',
    'Barrick' of 'Barrick Gold Corp', 'Colgate' of 'Colgate-Palmolive'. Not where the words after it make the whole
    a unit of another company ('Harlow Global Investors', 'Barclays Capital', 'PTC India': the short name is the
    parent), nor where they begin with a joiner ('Research in Motion', 'Switch and Data', 'Rio de Janeiro')."""
    head, words = _name_words(short), _name_words(long)
    if not head or len(words) <= len(head) or words[:len(head)] != head or _another_name_glued(short, long):
        return False
    rest = words[len(head):]
    return not (rest[0] in NAME_JOINERS | NAME_PARTICLES | {"and", "y", "et"} or
                any(w in UNIT_WORDS | COUNTRY_NAMES | US_NAMES | NAME_RUN_STOPS | NOT_LONGER_NAME_CODES or
                    not NAME_REST_RE.fullmatch(w) for w in rest))


NAME_REST_RE = re.compile(r"[a-z0-9&'/\u2019]+")  # no tag ('cc.n.') in a name's words


def _another_name_glued(short: str, long: str) -> bool:
    """'Barclays-ABN': a hyphen after the short name joining a name in capitals is two companies, not one name."""
    at = long.find(short)
    after = long[at + len(short):] if at >= 0 else ""
    return after[:1] == "-" and after[1:].split(" ")[0].isupper()


GENERIC_NAME_STARTS = lexicon.words("instruments", "generic_name_starts")
UNIT_WORDS = lexicon.words("instruments", "unit_words")
FOREIGN_LEGAL_SUFFIXES = lexicon.words("instruments", "foreign_legal_suffixes")


def organization_names(doc: Doc) -> list[Span]:
    """The doc's ORG entities and, where its entities were not read (outside scoped_ner's scope), each run of
    proper nouns ('General Motors' before 'GM', 'Credit Agricole' before 'CredAg'): a short form is matched to
    them by its initials (``_abbreviates``), which a place or a person's name rarely gives."""
    names = [e for e in doc.ents if e.label_ == "ORG"]
    rows = doc.to_array([ENT_IOB, POS]).astype(np.uint64)
    unread = (rows[:, 0] == 0) & (rows[:, 1] == np.uint64(PROPN))
    if not unread.any():
        return names
    starts = np.flatnonzero(unread & ~np.concatenate(([False], unread[:-1])))
    ends = np.flatnonzero(unread & ~np.concatenate((unread[1:], [False]))) + 1
    return names + [doc[int(start):int(end)] for start, end in zip(starts, ends, strict=True)]


def _without_dateline(ent: Span) -> str:
    """'PARIS - Credit Agricole' -> 'Credit Agricole': the entity tagger may take a dateline in."""
    dash = next((t.i for t in ent[:4] if t.text in ("-", "--", "\u2014")), None)
    return ent.doc[dash + 1:ent.end].text if dash is not None and dash + 1 < ent.end else ent.text


def _company_words(name: str) -> tuple[str, ...]:
    """A company's name as words, legal suffixes and 'the' left off: 'The London Stock Exchange plc' ->
    ('london', 'stock', 'exchange')."""
    words = [w for w in name.split() if not TAG_TOKEN_RE.fullmatch(w) and w not in ("(", ")")]
    return tuple(w.lower().strip(",.") for w in words if w.lower() not in LEGAL_SUFFIXES and w.lower() != "the")


def _name_text(name: str) -> str:
    words = [w for w in name.strip(" ,").split() if not TAG_TOKEN_RE.fullmatch(w) and w not in ("(", ")")]
    return " ".join(words[1:] if words and words[0].lower() == "the" else words)


def _abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` is a short form of ``long``: its initials ('LSE', 'RIM' of 'Research in Motion') or the
    first letters of each of its words ('SocGen')."""
    words = _company_words(long)
    if len(words) < 2 or len(short) < 2 or not short.isalpha():
        return False  # a name's first word ('Barclays' of 'Barclays Global Investors') may be another company
    if short.isupper() and short.isalpha():
        initials = "".join(w[0] for w in words)
        capitals = "".join(w[0] for w in words if w not in NAME_JOINERS)
        return short.lower() in (initials, capitals)
    chunks = re.findall(r"[A-Z][a-z]+", short)
    return len(chunks) == len(words) and "".join(chunks) == short and \
        all(w.startswith(c.lower()) for c, w in zip(chunks, words, strict=True))



def _funds_named_without_ticker(doc: Doc, known: list[Span]) -> list[Span]:
    """'the iShares US Technology ETF was 0.4% lower': a fund's whole name, from its family's brand to 'ETF',
    'Fund' or 'Trust', names the fund without a ticker; by name only where we do not list it."""
    out: list[Span] = []
    for head in _words_in(doc, FUND_HEAD_HASHES):
        if head.lower_ not in FUND_HEADS or not head.text[:1].isupper() or \
                any(s.start <= head.i < s.end for s in known):
            continue
        start = head.i
        while start > 0 and head.i - start < 7 and not doc[start].is_sent_start and \
                _a_fund_name_word(doc[start - 1]):
            start -= 1
        first = next((t.i for t in doc[start:head.i] if t.lower_ in FUND_ISSUERS), None)
        if first is None or head.i - first < 2 or \
                (doc[first].lower_ in ("global", "first") and doc[first + 1].text not in ("X", "Trust")):
            continue  # "the First Trust": a fund family, no fund; "Global Payments Fund": no family of ours
        out.append(Span(doc, first, head.i + 1, label=UNLISTED + doc[first:head.i + 1].text))
    return out


def _a_fund_name_word(tok: Token) -> bool:
    """A word a fund's name is made of: capitalised ('iShares', 'US', 'S&P', '500'), or a ticker-like number."""
    return tok.text[:1].isupper() or tok.text[:1].isdigit() or tok.lower_ in FUND_ISSUERS or tok.text in ("&", "-")


def _company_heads(doc: Doc) -> list[Token]:
    heads = []
    for tok in _words_in(doc, SHARE_WORD_HASHES, ORG_HASH, unknown_names=True):
        if tok.lower_ in SHARE_WORDS and tok.pos_ == "NOUN":
            heads += _owners_of_shares(tok)
        elif _an_org(tok) and tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and (
                _states_a_price(tok.head) or _moves_by_a_percent(tok)) and _named_like_a_company(tok):
            heads.append(tok)  # "Freddie Mac lost 8.6 percent to $45.13", "Siemens Energy added 4.96%"
        elif _an_org(tok) and tok.dep_ == "nsubj" and _up_or_down_by_a_percent(tok):
            heads.append(tok)  # "Acme Therapeutics was up 4.1%", "Acme Robotics was 9% lower"
        elif _an_org(tok) and _moved_in_its_relative_clause(tok) and _named_like_a_company(tok):
            heads.append(tok)  # "led by Acme Mining Corp, which gained 4 percent"
    heads += [g for tok in _words_in(doc, THOSE_HASH) if _shares_before_in_sentence(tok)
              for g in _owners_of_shares(tok)]
    return _proper_nouns(heads)


THOSE_HASH = np.array([get_string_id("those")], dtype=np.uint64)


def _shares_before_in_sentence(those: Token) -> bool:
    """'Shares of Tencent rose 7%, while those of Meituan gained 6%': 'those' stands for the shares named before it."""
    return any(t.lower_ in SHARE_WORDS and t.pos_ == "NOUN" for t in those.doc[those.sent.start:those.i])


def _an_org(tok: Token) -> bool:
    """An organization's name by its entity, or a proper noun where no entities were read (scoped_ner.py), but
    not a word of a heading in capitals ('RESEARCH IN MOTION')."""
    return tok.ent_type_ == "ORG" or (tok.ent_iob == 0 and tok.pos_ == "PROPN" and not tok.is_upper)


def _words_in(doc: Doc, lowers: np.ndarray, entity: int | None = None, unknown_names: bool = False) -> list[Token]:
    """The doc's tokens whose lower-case form is one of ``lowers`` (hashes) or, given ``entity``, whose entity type
    is that one, or, with ``unknown_names``, proper nouns whose entity is unknown (outside scoped_ner's scope), in
    order: read on the token arrays (a loop over the doc makes a ``Token`` per word)."""
    rows = doc.to_array([LOWER, ENT_TYPE, ENT_IOB, POS]).astype(np.uint64)
    hits = np.isin(rows[:, 0], lowers)
    if entity is not None:
        hits |= rows[:, 1] == np.uint64(entity)
    if unknown_names:
        hits |= (rows[:, 2] == 0) & (rows[:, 3] == np.uint64(PROPN))
    return [doc[int(i)] for i in np.flatnonzero(hits)]


def _owners_of_shares(shares: Token) -> list[Token]:
    """Who the shares are of: "shares of X", "X's shares", "X's U.S.-listed shares", "Alcoa shares", "Buckle,
    whose shares were up 8.6 percent"."""
    heads = [g for c in shares.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj"]
    heads += _owner_after_in(shares)
    heads += _joined_owners(shares, heads)
    heads += [c for c in shares.children if c.dep_ == "poss" and c.lower_ != "whose"]
    heads += [c for c in shares.children if c.dep_ == "compound" and c.i == shares.i - 1]
    if any(c.dep_ == "poss" and c.lower_ == "whose" for c in shares.children) and shares.head.dep_ == "relcl":
        heads.append(shares.head.head)
    if not heads:
        heads += _legal_suffix_before(shares)
    return heads


def _owner_after_in(shares: Token) -> list[Token]:
    """'Shares in Kodak rose 2 percent', 'Shares in Trump Entertainment Resorts rose': the British way of 'shares of',
    only where the shares are a move's subject (not 'bought shares in Acme', a stake) and the name after 'in' is a
    proper noun that no entity or word list calls a place or a market ('shares in Tokyo', 'shares in Asia' are
    where they trade: ``proper_name_ending_at`` refuses those)."""
    if shares.dep_ not in ("nsubj", "nsubjpass") or shares.head.pos_ not in ("VERB", "AUX"):
        return []
    # one name only: 'Shares in Barclays and HSBC ( HSBA.L )' joins names the tags already give
    return [g for c in shares.children if c.dep_ == "prep" and c.lower_ == "in" and c.i == shares.i + 1
            for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN" and g.lower_ not in NOT_COMPANIES
            and g.lower_ not in LISTING_ABROAD_PLACES and not any(k.dep_ == "conj" for k in g.children)]


def _owned_after_in(head: Token) -> bool:
    """Whether ``head`` (or the first of the names it is joined to: 'Shares in Barclays and HSBC')
    is the object of the 'in' after a share word."""
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ == "in" and head.head.head.lower_ in SHARE_WORDS


LISTING_ABROAD_PLACES = frozenset(w.lower() for w in lexicon.words("instruments", "listing_abroad_places"))


def _joined_owners(shares: Token, owners: list[Token]) -> list[Token]:
    """Owners the parse joins to others: "Shares of Tencent and Xiaomi soared" (each proper noun coordinated with an
    owner is one too); "Baxter Rail & Port shares" (the name's first part hung on the share word, its last word a
    conjunct of it over a spaced '&')."""
    joined = [c for g in owners for c in g.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
    return joined + [c for c in shares.children if c.dep_ in ("nmod", "compound") and c.i < shares.i - 1
                     and _joined_by_an_ampersand(c) == shares.i - 1]


def _legal_suffix_before(shares: Token) -> list[Token]:
    """'Bear Stearns Cos. stock fell 6 percent', 'Acme Corp. shares': a name ending in a legal suffix right before
    the share word is whose shares they are, though the parser hung the suffix elsewhere."""
    doc = shares.doc
    i = shares.i - 1
    if i > 0 and doc[i].text == "." and not doc[i - 1].whitespace_:
        i -= 1
    if i < 1 or doc[i].lower_ not in LEGAL_SUFFIXES or doc[i].lower_ in NAME_JOINERS | {"'s", "group", "holdings"}:
        return []
    return [doc[i]] if doc[i].pos_ == "PROPN" and doc[i - 1].pos_ == "PROPN" else []


def _proper_nouns(heads: list[Token]) -> list[Token]:
    """The proper nouns among the heads, with a capitalised word tagged a common noun that the text names as a
    company, here or elsewhere ('Novartis agreed to buy ... Novartis shares added 0.7%')."""
    named: set[str] | None = None  # the doc's proper nouns in an ORG entity, read only when a head needs them
    out = []
    for h in heads:
        if h.pos_ != "PROPN" and h.is_title and h.ent_type_ != "ORG" and named is None:
            named = {t.text for t in h.doc if t.pos_ == "PROPN" and t.ent_type_ == "ORG"}
        if h.pos_ == "PROPN" or (h.is_title and (h.ent_type_ == "ORG" or h.text in (named or ()))):
            out.append(h)
    return out


def _moved_in_its_relative_clause(tok: Token) -> bool:
    """'led by Acme Mining Corp, which gained 4 percent', 'Acme Holdings , which were down 6.7%': an organization's
    name whose relative clause tells a move by a percent of the relative pronoun (so of the name itself, as its
    subject would)."""
    for verb in tok.children:
        which = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in ("which", "that")), None) \
            if verb.dep_ == "relcl" else None
        if which is not None and (_moves_by_a_percent(which) or _up_or_down_by_a_percent(which)):
            return True
    return False


def _states_a_price(verb: Token) -> bool:
    """'... to $45.13', '... at $20.04': a share price hangs off the verb."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "at"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.like_num and any(t.text in ("$", "US$") for t in obj.subtree):
                    return True
    return False


def _moves_by_a_percent(subject: Token) -> bool:
    """'... added 4.96%', '... jumped 6.4 percent to its highest': a verb of a rise or fall whose only object is a
    percent, so what moved is the subject itself ('Acme raised sales 5%' names another object and is no move); and
    a subject named like no index or exchange ('BSE Healthcare added 3 percent', 'the Sensex shed 0.1%')."""
    verb = subject.head
    if verb.lemma_.lower() not in MOVE_VERBS and verb.lower_ not in MOVE_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "npadvmod", "attr")]
    figures = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children
               if o.dep_ == "pobj"]
    if not any(o.lower_ in PERCENT_WORDS for o in objects + figures) or \
            not all(o.lower_ in PERCENT_WORDS for o in objects) or _to_an_amount(verb):
        return False
    return _named_like_a_company(subject)


def _up_or_down_by_a_percent(subject: Token) -> bool:
    """'Acme Therapeutics was up 4.1%', 'Acme Robotics was 9% lower': the copula with a direction word that carries
    a percent, so what was up or down is the subject itself (as with a move verb, ``_moves_by_a_percent``)."""
    verb = subject.head
    if verb.lemma_.lower() != "be" or subject.i > verb.i:
        return False
    if not any(c.dep_ in ("advmod", "acomp") and c.lower_ in COPULA_DIRECTIONS and c.i > verb.i and
               any(g.lower_ in PERCENT_WORDS for g in _percent_of_a_direction(c)) for c in verb.children):
        return False
    return _named_like_a_company(subject)


FOREIGN_INDEX_WORDS = lexicon.words("instruments", "foreign_index_words")
MARKET_NAMES = TAGGED_ASSETS | lexicon.words("instruments", "coin_names") | NOT_COMPANIES


def _named_like_a_company(subject: Token) -> bool:
    """Whether the subject of a move by a percent may be a company: not named like an index or an exchange ('BSE
    Healthcare added 3 percent', 'the Sensex shed 0.1%', 'the Nifty declined 1.32 percent'), nor only by a coin's or a
    commodity's name ('Ether dropped 6.2%', 'Gold gained 0.8%'; 'Gold Road Resources' may be a company)."""
    name = proper_name_ending_at(subject)
    words = {t.lower_ for t in name} if name is not None else {subject.lower_}
    no_company = NOT_COMPANIES | SUB_INDEX_HEADS | US_EXCHANGES | FOREIGN_EXCHANGES | FOREIGN_INDEX_WORDS
    return not words & no_company and not words <= MARKET_NAMES


def _percent_of_a_direction(word: Token) -> list[Token]:
    """The percent a direction word carries: 'up 4.1%', and 'higher by about 1.6%', 'up by 3%' (a 'by' right after
    it, which the parser may hang on the copula)."""
    by = [g for g in (*word.children, *word.head.children) if g.dep_ == "prep" and g.lower_ == "by" and
          g.i == word.i + 1]
    return [g for g in word.children if g.dep_ == "npadvmod"] + [o for g in by for o in g.children if o.dep_ == "pobj"]


COPULA_DIRECTIONS = frozenset({"up", "down", "higher", "lower"})
AMOUNT_WORDS = frozenset({"million", "billion", "trillion", "mln", "bln"})


def _to_an_amount(verb: Token) -> bool:
    """'OneAsia increased 8.8% to 112.4 billion yen': a move to an amount in millions or billions is a business
    figure's (assets, sales), never a share price's."""
    return any(p.dep_ == "prep" and p.lower_ in ("to", "from") and any(t.lower_ in AMOUNT_WORDS for t in p.subtree)
               for p in verb.children)


def proper_name_ending_at(head: Token) -> Span | None:
    """The run of proper nouns that ends at ``head``: 'Fannie Mae', 'Washington Mutual's'."""
    doc = head.doc
    start = head.i
    while start > 0 and head.i - start < 6 and not doc[start].is_sent_start:
        step = _name_step_back(head, start)
        if not step:
            break
        start -= step
    end = _of_a_place_going_on(head) or _joined_by_an_ampersand(head) + 1
    if end < len(head.doc) and head.doc[end].lower_ in ("'s", "\u2019s"):
        end += 1
    span = doc[start:end]
    if _a_headline_glued_on(span):  # "SHARES REBOUND CIT's shares"
        span = doc[head.i:end]
    return span if _may_name_a_company(span) else None


def _of_a_place_going_on(head: Token) -> int | None:
    """'Bank of Suzhou', 'RailTel Corporation of India': where one organization's name goes on past ``head`` with
    'of' and proper nouns, the end of that name (the parser hangs 'of Suzhou' on 'Bank'); else None."""
    doc = head.doc
    ent = next((e for e in doc.ents if e.start <= head.i < e.end), None) if head.ent_type_ == "ORG" else None
    if ent is None or ent.end <= head.i + 2 or doc[head.i + 1].lower_ != "of" or \
            not all(t.pos_ == "PROPN" for t in doc[head.i + 2:ent.end]):
        return None
    return ent.end


def _a_headline_glued_on(span: Span) -> bool:
    """'SHARES REBOUND CIT's shares', 'MIXED BAG Acme shares': words in capitals before a name are a subheading glued
    on, unless the name is two words in capitals and nothing else ('ABN AMRO shares': the bank's own name)."""
    capitals = [t for t in span if t.is_upper and len(t) > 2 and t.is_alpha]
    if len(capitals) < 2 or not span[0].is_upper:
        return False
    words = [t for t in span if t.is_alpha]
    return len(capitals) > 2 or len(words) != len(capitals) or any(t.lower_ in SHARE_WORDS for t in capitals)


def _joined_by_an_ampersand(head: Token) -> int:
    """The last word of the name ``head`` opens where a spaced '&' and capitalised words of its own conjunct follow
    it ('Baxter Rail & Port fell 30%': the parser hangs 'Port' on 'Rail' as a conjunct); else ``head``'s own index.
    Only '&': 'Tencent and Xiaomi' are two companies."""
    doc, i = head.doc, head.i
    if i + 2 >= len(doc) or doc[i + 1].text != "&" or not doc[i + 1].whitespace_:
        return i
    conj = next((c for c in head.children if c.dep_ == "conj" and c.i > i + 1), None)
    if conj is None or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in doc[i + 2:conj.i + 1]):
        return i
    return conj.i


def _name_step_back(head: Token, start: int) -> int:
    """How many words before ``start`` still belong to the name that ends at ``head`` (0: none)."""
    doc = head.doc
    before = doc[start - 1]
    spaced = _a_spaced_ampersand_or_markup(doc, start)
    if spaced is not None:
        return spaced
    if _a_name_word_before(before, head, start):
        return 1
    if before.text in ("-", "&") and not before.whitespace_ and start > 1 and doc[start - 2].text[:1].isupper():
        return 2  # "Alcatel-Lucent", "Coca-Cola Enterprises", "AT&T"
    if (before.lower_ in NAME_JOINERS or before.lower_ in NAME_PARTICLES) and start > 1 and \
            doc[start - 2].pos_ == "PROPN" and doc[start - 2].text[:1].isupper() and not doc[start - 1].is_sent_start:
        return 2  # "Bank of New York", "Research in Motion", "DuPont de Nemours"
    return 0


def _a_name_word_before(before: Token, head: Token, start: int) -> bool:
    """A proper noun hung inside the name ("T2 Biosystems shares": "T2" hung elsewhere), or any proper noun before a
    legal suffix ("Bear Stearns Cos. stock": the words before it are the name, however the parser hung them)."""
    if before.pos_ == "PROPN" and head.lower_.rstrip(".") in ABBREVIATED_SUFFIXES:
        return True
    if _a_number_opening_the_name(before, head, start):
        return True
    return (before.pos_ == "PROPN" or before.ent_type_ == "ORG" and before.is_title) and (
        before.head.i in range(start - 1, head.i + 1) or before.dep_ == "dep" or before.dep_ == head.dep_ ==
        "compound" and before.head.i == head.head.i)


def _a_number_opening_the_name(before: Token, head: Token, start: int) -> bool:
    """'Shares of 60 Degrees Pharmaceuticals', 'H2G Green shares' (tokens 'H2' + 'G'): a number hung inside the name,
    or a word of letters and digits glued to it, opens the name. Not a count ('sold 500 Acme shares': the number hangs
    on 'shares'), not a year ('2024 Acme results')."""
    if not before.doc[start].text[:1].isupper():
        return False
    glued = not before.whitespace_ and before.text[:1].isalnum() and any(ch.isdigit() for ch in before.text)
    counted = before.like_num and before.dep_ == "nummod" and before.head.i in range(start, head.i + 1) and \
        not (len(before.text) == 4 and before.text.isdigit())
    return glued or counted


def _a_spaced_ampersand_or_markup(doc: Doc, start: int) -> int | None:
    """The step back over the word before ``start`` where it is markup or a spaced '&' (None: neither): '&'
    between capitalised words joins one name ("Great Lakes Dredge & Dock", 2); markup before a headline
    ('\\*\\* Acme Minerals slumps 18%', 0) is no word of it."""
    before = doc[start - 1]
    if before.text == "&" and before.whitespace_ and start > 1 and doc[start - 2].is_alpha and \
            doc[start - 2].text[:1].isupper() and doc[start].text[:1].isupper():
        return 2
    if before.text not in ("-", "&") and not any(c.isalnum() for c in before.text):
        return 0
    return None


def _may_name_a_company(span: Span) -> bool:
    words = [t for t in span if t.is_alpha or "." in t.text or "-" in t.text]
    if len("".join(t.text for t in words)) < 2:
        return False  # "class B shares", "A shares"
    if not words or all(t.lower_ in NOT_COMPANIES for t in words) or words[0].lower_ in NOT_COMPANIES:
        return False
    if _ends_in_a_business_word(words):
        return True  # "Angi Inc shares", "Firebird Metals": whatever the entities say of the name
    # a place, a person or a number is no company; "T2" in "T2 Biosystems", though tagged a number, is a name, and so
    # is the number that opens "60 Degrees Pharmaceuticals"
    body = span[1:] if len(span) > 1 and span[0].like_num else span
    return not (any(t.ent_type_ in NOT_COMPANY_ENTITIES and (t.like_num or t.ent_type_ != "CARDINAL") for t in body)
                or not any(t.text[:1].isupper() for t in words))


# the last words of a company's name that the small model may tag as a person's ('Firebird Metals')
BUSINESS_NAME_ENDS = lexicon.words("moves", "business_name_words") | lexicon.words("share_owners", "business_name_ends")
PLACE_ENTITIES = frozenset({"GPE", "LOC", "NORP"})


SHARE_CLASS_RE = re.compile(r"^(?:'s|\u2019s)?\s+(?:Class|class)\s+(?P<cls>[A-C])\b")


def _ends_in_a_business_word(words: list[Token]) -> bool:
    """A name ending in a legal suffix ('Angi Inc'), or in a business word though tagged a person's or a nationality's
    ("Firebird Metals", "Sadbhav Infrastructure", "Harbour Metals": no person's name ends so)."""
    if words[-1].lower_.rstrip(".") in ABBREVIATED_SUFFIXES and len(words) > 1:
        return True  # "Angi Inc shares": a legal suffix makes it a company
    return len(words) > 1 and words[-1].lower_ in BUSINESS_NAME_ENDS and words[0].is_title and \
        words[-1].ent_type_ not in ("GPE", "LOC")


def _share_class(span: Span, symbol: str) -> str:
    """"Berkshire's Class A shares" are BRK-A, though 'Berkshire' alone stands for the B shares we list."""
    m = SHARE_CLASS_RE.match(doc_text(span.doc)[span.end_char:span.end_char + 16])
    if m is None or not re.fullmatch(r"[A-Z]+[-.][A-C]", symbol):
        return symbol
    return f"{symbol[:-1]}{m.group('cls')}"


BOND_NOUNS = lexicon.words("instruments", "bond_nouns")
US_NAMES = lexicon.words("instruments", "us_names")
NOT_LONGER_NAME_CODES = lexicon.words("instruments", "not_longer_name_codes")
COUNTRY_NAMES = lexicon.words("instruments", "country_names")
FOREIGN_BOND_WORDS = lexicon.words("instruments", "foreign_bond_words")


def _a_foreign_yield(span: Span) -> bool:
    """'German government bonds rallied, pushing the two-year yield to a low', "Japan's 10-year yield": a yield
    of another country's bonds is not the Treasury's; a sentence that names the US market keeps it the Treasury's."""
    sentence = span.sent
    if any(t.lower_ in US_NAMES for t in sentence) or "united states" in span_text(sentence).lower():
        return False
    if any(t.lower_ in FOREIGN_BOND_WORDS for t in sentence):
        return True
    return any(ent.label_ in ("NORP", "GPE") and ent.text.lower() not in US_NAMES
               and (ent.root.head.lower_ in BOND_NOUNS or ent.root.head.i in range(span.start, span.end))
               for ent in sentence.ents)


US_EXCHANGES = lexicon.words("instruments", "us_exchanges")
FOREIGN_EXCHANGES = lexicon.words("instruments", "foreign_exchanges")
US_TICKER_LABELS = lexicon.words("instruments", "us_ticker_labels")


def _tag_label(m: re.Match[str], name: Span) -> str | None:
    """The span label a tag gives the name before it: its US ticker ('RIC:AA'), a company we have no prices
    for ('(ASX:HMG)': unlisted here), or None where the parenthesis names no exchange ('(Reporting by: ...)')."""
    if m.group("listed") is None:
        return "RIC:" + (m.group("ticker") or m.group("bare") or m.group("glued") or
                         m.group("glued_after")).replace(".", "-")
    exchanges = set(re.findall(r"[a-z][a-z-]*", m.group("exchanges").lower()))
    if exchanges & (US_EXCHANGES | US_TICKER_LABELS):
        return "RIC:" + m.group("listed").replace(".", "-")
    if exchanges & FOREIGN_EXCHANGES:
        return UNLISTED + _name_without_tag(name)
    return None


NOT_NAME_STARTS = ("CCONJ", "SCONJ", "ADV", "DET", "ADP", "PRON", "AUX", "VERB", "PART", "INTJ")


def _tagged_name_start(doc: Doc, end: int) -> int:
    """Where the name before a RIC tag ending at ``end`` starts: 'Bank of America ( BAC.N )', not 'But
    Honeywell ( HON.N )' nor 'Retailer Target Corp ( TGT.N )' at a sentence start."""
    start = end
    # the name never reaches back over a sentence start: "... 1.7 percent. Caterpillar Inc. ( CAT.N )"
    while start > 0 and not doc[start].is_sent_start and end - start < 6 and _in_a_name(doc, start - 1):
        start -= 1
    while start < end and (doc[start].is_punct or doc[start].pos_ in NOT_NAME_STARTS
                           or doc[start].lower_ in NAME_JOINERS
                           or (doc[start].is_sent_start and doc[start].pos_ != "PROPN" and start + 1 < end)
                           or _a_description_opening(doc, start, end)):
        start += 1
    return start


DESCRIPTION_NOUNS = lexicon.words("deals", "company_nouns")


def _a_description_opening(doc: Doc, i: int, end: int) -> bool:
    """'BOSTON (Reuters) - Manufacturer Acme Industries Inc. ( ACM.N )', 'Drugmaker Acme Inc': a word
    telling what the company is, opening the sentence (or the story after its dateline), the name after it (the
    tagger reads a dateline's lead as names, so 'Manufacturer' is no common noun to it)."""
    word = doc[i].lower_
    if not (word in DESCRIPTION_NOUNS or word.endswith("maker")) or i + 1 >= end:
        return False
    rest = [t for t in doc[i + 1:end] if not t.is_punct]
    if not rest or rest[0].pos_ != "PROPN" or rest[0].lower_ in NAME_JOINERS or \
            all(t.lower_.rstrip(".") in LEGAL_SUFFIXES for t in rest):
        return False  # 'Target Corp ( TGT.N )', 'Bank of America ( BAC.N )': the word is the name's
    return doc[i].is_sent_start or (i >= 2 and doc[i - 1].text in ("-", "--", "\u2014") and doc[i - 2].text == ")")


def _in_a_name(doc: Doc, i: int) -> bool:
    """A word that may stand inside a company's name: a proper noun, a capitalised word, '&', or a joiner
    between proper nouns ('Bank of America', 'Research in Motion')."""
    tok = doc[i]
    if tok.pos_ == "PROPN" or tok.is_title or tok.text in ("&", "-", ".", "'s") or tok.lower_ in FUND_WORDS:
        return True
    if tok.text == "," and i + 1 < len(doc) and doc[i + 1].lower_ in LEGAL_SUFFIXES:
        return True  # "Acme Holdings, Inc. (NYSE: ACM)"
    return tok.lower_ in NAME_JOINERS and i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i + 1].pos_ == "PROPN"


OWN_NAME_CONTINUATIONS = lexicon.words("instruments", "own_name_continuations")


def _another_name_word(tok: Token, own: set[str] | frozenset[str]) -> bool:
    """A capitalised proper noun that is no word of the company's own names, no legal suffix, share word or class, code
    ('CEO') or date: a word of another name."""
    lower = tok.lower_
    return tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha and lower not in own and \
        lower not in NOT_ANOTHER_NAMES_WORDS and tok.ent_type_ not in ("DATE", "TIME", "GPE", "NORP")


def _a_fund(name: Span | list[str]) -> bool:
    return any((t if isinstance(t, str) else t.text).lower() in FUND_WORDS for t in name)


def _short_name(words: list[str]) -> tuple[str, ...]:
    """The first word of a tagged name, that later stands for it alone; a fund's whole name ('iShares' and
    'Energy' begin other names)."""
    return tuple(words) if _a_fund(words) else (words[0],)


TAG_GROUP_TOKENS = 4  # "( $ IUXX )": the most tokens of one parenthesised code between an index and a fund


def _tags_start(doc: Doc, start: int, end: int) -> int | None:
    """Where a run of parenthesised tags ending with the one around ``doc[start:end]`` begins ('($SPX) (SPY)'), or
    None when that span is not alone in its parentheses."""
    if start == 0 or doc[start - 1].text != "(" or end >= len(doc) or doc[end].text != ")":
        return None
    i = start - 1
    while i > 0 and doc[i - 1].text == ")":
        j = i - 2
        while j > 0 and doc[j].text != "(" and i - 1 - j < TAG_GROUP_TOKENS:
            j -= 1
        if doc[j].text != "(":
            break
        i = j
    return i


def _is_tag(token: Token) -> bool:
    """'AA.N', 'RIMM.ORIM.TO', 'RIM.TO': a ticker tag, not part of a company's name."""
    return bool(RIC_RE.match(token.text) or TAG_TOKEN_RE.fullmatch(token.text))


def _name_without_tag(span: Span) -> str:
    """'Impac Mortgage Holdings Inc. IMH.N' -> 'Impac Mortgage Holdings Inc.'."""
    opening = next((t.i for t in span if t.text == "("), span.end)  # "Acme Inc. (NYSE: ACM)": up to the tag
    words = [t for t in span.doc[span.start:opening] if not _is_tag(t) and t.text not in ("(", ")")]
    return "".join(t.text_with_ws for t in words).strip() or span.text


SUB_INDEX_WORDS = lexicon.words("instruments", "sub_index_words")
SIZE_INDEX_WORDS = lexicon.words("instruments", "size_index_words")
OWN_INDEX_CODES = lexicon.words("instruments", "own_index_codes")
# nouns a name may modify and still be the instrument: "Dow industrials", "Boeing shares", "oil prices"
INSTRUMENT_NOUNS = lexicon.words("instruments", "instrument_nouns")
# capitalised words that never start another company's name after a listed one (built once: read per token)
NOT_ANOTHER_NAMES_WORDS = LEGAL_SUFFIXES | SHARE_WORDS | INSTRUMENT_NOUNS | NOT_LONGER_NAME_CODES | MOVE_VERBS | \
    NOT_COMPANIES | OWN_NAME_CONTINUATIONS


def _names_a_sub_index(words: list[str]) -> bool:
    """The words after a main index's name that make it a sector or size index: 'financial index', 'MidCap' (a size
    word names another index even alone: 'the S&P MidCap was up almost 9 percent')."""
    return bool(words) and (words[0] in SIZE_INDEX_WORDS or words[0] in SUB_INDEX_WORDS and
                            any(w in SUB_INDEX_ENDS for w in words[:3]))


def _part_of_another_name(span: Span) -> bool:
    """'the S&P financial index', 'Dow Jones home construction index', 'S&P retail index .RLX': a
    sub-index whose name begins like one we know is not that index."""
    following = [t for t in span.doc[span.end:span.end + 4]]
    words = [t.lower_ for t in following]
    if _names_a_sub_index(words):
        return True
    if words and words[0] in ("shares", "stock") and span.label_ and not span.label_.startswith("RIC:") and \
            not (len(words) > 1 and words[1] in SUB_INDEX_HEADS):  # "the S&P 500 stock index" is the index
        return _names_an_index(span)  # "Dow Jones shares gained 2%": Dow Jones & Co, the company
    if words[:2] == ["index", "of"] and not members_by_size(span.doc, span.end + 2):
        return True  # "An S&P index of financial shares"
    code = next((t.text for t in following[:3] if t.text.startswith(".") and t.text[1:].isalpha() and
                 t.text[1:].isupper()), None)
    return code is not None and code not in OWN_INDEX_CODES


# words that may stand between a main index's name and "index" without naming another index
MAIN_INDEX_FILLERS = lexicon.words("instruments", "main_index_fillers")
SUB_INDEX_HEADS = lexicon.words("instruments", "sub_index_heads")
NAME_JOINERS = lexicon.words("instruments", "name_joiners")
SUB_INDEX_ENDS = lexicon.words("instruments", "sub_index_ends")
FIGURE_UNITS = lexicon.words("instruments", "figure_units")
NAME_PARTICLES = lexicon.words("instruments", "name_particles")


VENUE_BEFORE_RE = re.compile(r"\b(?:on|in|at)\s+(?:the\s+)?$", re.I)
# "outpacing a 1 percent gain in the Nasdaq": a move noun's index, no venue
MOVE_NOUN_IN_RE = re.compile(r"\b(?:" + lexicon.alternation(lexicon.labels("moves", "move_nouns"))
                             + r")(?:e?s)?\s+(?:of\s+\S+\s+(?:percent|points?)\s+)?in\s+(?:the\s+)?$", re.I)
RANKING_AFTER_RE = re.compile(r"^(?:'s|\u2019s)\s+(?:\w+\s+){0,2}?(?:gainers?|losers?|decliners?|advancers?|drags?|"
                              r"boosts?|weights?|components?|performers?|movers?|stocks?|shares|members?|"
                              r"most[- ]active)\b", re.I)


def _end_of_phrase(doc: Doc, start: int) -> int:
    """The end of the noun phrase that starts at ``start``: 'financial shares' in 'index of financial shares'."""
    end = start
    while end < len(doc) and end - start < 4 and doc[end].pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT") and \
            doc[end].text not in (",", ";", "."):
        end += 1
    return max(end, start)


# "the top drag on both the Dow and the S&P 500", "the top-weighted gainer on the S&P", "led financial stocks
# lower in both the Dow and the S&P 500": an index named as where a stock ranks, not as what moved
RANKING_BEFORE_RE = re.compile(r"\b(?:drags?|weights?|boosts?|gainers?|losers?|decliners?|advancers?|performers?|"
                               r"components?|members?|laggards?|leaders?|stocks\s+lower|stocks\s+higher)\b"
                               r"[^.;,\n]{0,20}?\b(?:on|in|to|for|of|among)[ \t]+(?:both[ \t]+)?(?:the[ \t]+)?"
                               # words of the same sentence only: no sentence end, no line break in between
                               r"(?:[\w&.'-]*[\w&'-][ \t]+){0,5}?(?:and[ \t]+(?:the[ \t]+)?)?$", re.I)


def _a_venue_or_a_ranking(span: Span) -> bool:
    """'On the Nasdaq, shares of Dendreon rose', 'the Nasdaq's biggest gainer': the exchange a stock trades on,
    or one of its members, is not the index's move."""
    doc = span.doc
    if RANKING_BEFORE_RE.search(doc_text(doc)[max(0, span.start_char - 80):span.start_char]):
        return True
    after = doc_text(doc)[span.end_char:span.end_char + 40]
    if _names_an_index(span) and RANKING_AFTER_RE.match(after):
        return True  # "Exxon Mobil was the Dow's biggest drag, dropping 5.3 percent"
    if span.label_.lower() not in ("nasdaq", "the nasdaq"):
        return False
    before = doc_text(doc)[max(0, span.start_char - 12):span.start_char]
    if MOVE_NOUN_IN_RE.search(doc_text(doc)[max(0, span.start_char - 40):span.start_char]):
        return False
    return bool(VENUE_BEFORE_RE.search(before) and re.match(r"\s*(?:,|--|\.|;|$)", after)) or \
        bool(RANKING_AFTER_RE.match(after))


def _index_code(token: Token) -> bool:
    """'.RLX', '.DJUSHB', '.MSCIEF': a Reuters index code."""
    return token.text.startswith(".") and len(token.text) > 2 and token.text[1:].isalnum() and \
        token.text[1:].isupper()


def _sub_index_end(span: Span) -> int | None:
    """Where the name of another index ends when ``span`` only begins it: 'S&P Airlines Index', "S&P's
    retail index .RLX", 'Dow Jones U.S. Home Construction Index', 'MSCI world equity index'.

    An index is never its family's main index (or the family's company, MSCI Inc.): words other than the
    main index's own between the name and 'index', or a Reuters code that is not the main index's, make it
    another index, which has no data here.
    """
    doc = span.doc
    code = _index_code_ahead(doc, span.end)
    if code is not None:
        return code + 1 if doc[code].text not in OWN_INDEX_CODES else None
    family_end = _family_name_continued(span)
    if family_end is not None:
        return family_end
    other_words = False
    for i in range(span.end, min(len(doc), span.end + 7)):
        tok = doc[i]
        if _index_code(tok):
            return i + 1 if tok.text not in OWN_INDEX_CODES else None
        if tok.lower_ in SUB_INDEX_HEADS:
            return _end_after_index_word(doc, i, other_words)
        if _no_index_name_past(tok):
            return None
        if tok.lower_ not in MAIN_INDEX_FILLERS and tok.lower_ not in INDEX_NAME_WORDS:
            other_words = True
    return None


def _family_name_continued(span: Span) -> int | None:
    """'Dow Jones Wilshire 5000', 'Dow Jones Stoxx 600', 'S&P Case-Shiller': a main index's family name
    continued by another proper name names another index of the family (where that name ends)."""
    doc = span.doc
    if not _names_an_index(span):
        return None
    end = span.end
    # "S&P/Case-Shiller": a slash joins the family's name to the other name
    start = end + 1 if end + 1 < len(doc) and doc[end].text == "/" and doc[end + 1].is_title else end
    end = start
    while end < len(doc) and (_a_name_word(doc[end]) or (end > start and doc[end].like_num)):
        end += 1
    return end if end > start else None


def _a_name_word(tok: Token) -> bool:
    """A capitalised word that goes on a name and is none of the main index's own words, a legal suffix or a
    date."""
    return (tok.pos_ == "PROPN" and tok.is_alpha and (tok.is_title or tok.is_upper)
            and tok.lower_ not in INDEX_NAME_WORDS and tok.lower_ not in MAIN_INDEX_FILLERS
            and tok.lower_ not in LEGAL_SUFFIXES and tok.ent_type_ not in NOT_COMPANY_ENTITIES)


def _index_code_ahead(doc: Doc, start: int) -> int | None:
    """Where a Reuters index code stands in the clause ahead: "S&P's index of financial shares .GSPF",
    "MSCI's all-country world index .MIWD00000PUS"."""
    for i in range(start, min(len(doc), start + 12)):
        if doc[i].tag_ in ("VBD", "VBZ", "VBP", "MD") or doc[i].text in (";", "(", ")"):
            return None
        if _index_code(doc[i]):
            return i
    return None


def _end_after_index_word(doc: Doc, i: int, other_words: bool) -> int | None:
    """At 'index': "an S&P index of energy stocks" ends after its phrase; an index with other words before
    'index' ends there (or after its code); with none, it is the main index itself."""
    if i + 1 < len(doc) and doc[i + 1].lower_ == "of":
        if not other_words and members_by_size(doc, i + 2):
            return None  # "the Russell 2000 index of smaller companies": the main index, described
        return _end_of_phrase(doc, i + 2)
    if not other_words:
        return None
    after = doc[i + 1] if i + 1 < len(doc) else None
    return i + 2 if after is not None and _index_code(after) else i + 1


def members_by_size(doc: Doc, start: int) -> bool:
    """'smaller companies', 'small-cap stocks', 'large U.S. companies': members described by their size only."""
    end = start
    while end < min(len(doc), start + 4) and (doc[end].lower_ in SIZE_WORDS or doc[end].text == "-" and end > start):
        end += 1
    return start < end < len(doc) and (doc[end].lower_ in MEMBER_NOUNS or doc[end].lower_ in ("stocks", "shares"))


def _no_index_name_past(tok: Token) -> bool:
    """A verb, preposition, conjunction, article or punctuation: an index name does not run past it."""
    finite = tok.tag_ in ("VBD", "VBZ", "VBP", "MD") or tok.pos_ == "AUX"  # "emerging" may name an index
    return finite or tok.pos_ in ("ADP", "CCONJ", "DET") or (tok.is_punct and tok.text not in ("-", "&"))


INDEX_NAME_WORDS = lexicon.words("instruments", "index_name_words")


def _names_an_index(span: Span) -> bool:
    return all(t.lower_ in INDEX_NAME_WORDS or t.is_punct or t.lower_ == "the" for t in span)


def _modifier_only(span: Span) -> bool:
    """'oil producer Hess', 'Apple CEO Tim Cook': a name used as a modifier of another noun."""
    root = span.root
    if root.head.lower_ in MEMBER_NOUNS and root.head.i >= span.end:
        return True  # "earnings for Standard & Poor's 500 companies": the members, not the index
    if root.dep_ not in ("compound", "amod", "nmod"):
        return False
    head = root.head
    if head.text.startswith(".") or RIC_RE.fullmatch(f"( {head.text} )") or head.text in ("(", ")") or \
            head.like_num or head.pos_ in ("NUM", "SYM") or head.lower_ in FIGURE_UNITS or \
            _tags_start(span.doc, head.i, head.i + 1) is not None:
        return False  # "Dow Jones industrial average .DJI", "Nasdaq 100 (QQQ)": the code names the same thing
    if head.pos_ == "PROPN" and all(t.pos_ == "PROPN" or t.lower_ in NAME_PARTICLES
                                    for t in span.doc[span.end:head.i + 1]):
        return False  # "DuPont de Nemours": the name goes on, it does not modify another
    return head.pos_ in ("NOUN", "PROPN") and head.lower_ not in INSTRUMENT_NOUNS and head.i >= span.end


MEMBER_NOUNS = lexicon.words("instruments", "member_nouns")
SIZE_WORDS = lexicon.words("instruments", "size_words")


def _shouting(span: Span) -> bool:
    """'DOW TAKES FLIGHT': a headline in capitals glued to the sentence, not the index."""
    words = [t for t in span if t.is_alpha and len(t) > 2]
    if not words or not all(t.is_upper for t in words):
        return False
    neighbours = [t for t in span.doc[max(span.start - 2, 0):span.end + 3] if t.is_alpha and t not in span]
    return any(t.is_upper and len(t) > 2 for t in neighbours)


RIC_TOKEN_RE = re.compile(r"[A-Z][A-Z0-9]{0,5}(?:\.[A-Z])?\.(?:N|O|OQ|A|K|P|PK|OB)")


def sentence_boundaries(doc: Doc) -> Doc:
    """Boundaries the small model misses, set before the parser, which keeps them: a RIC tag never opens
    a sentence ('Micron Technology Inc. MU.N gained 4.3 percent'), and a bullet or a blank line always
    does ('* Indexes up: S&P 500 0.67%, ...' under a list of other items).

    Read on the token arrays, each distinct word's text looked at once (a ``Token`` per token cost more than
    the rest of the rule splitter): a word opens a sentence after a space token with a blank line in it, or
    a bullet after a space token that starts a line; the word after such a bullet opens none, unless it
    opens one itself. A headline line without a stop at the top of the text ends there (_after_headline)."""
    if len(doc) < 2:
        return doc
    rows = doc.to_array([ORTH, IS_SPACE]).astype(np.uint64)
    distinct, which = np.unique(rows[:, 0], return_inverse=True)
    texts = [doc.vocab.strings[int(orth)] for orth in distinct.tolist()]
    ric = np.array([RIC_TOKEN_RE.fullmatch(t) is not None for t in texts])[which]
    blank_line = np.array([t.count("\n") >= 2 for t in texts])[which]
    line_start = np.array([t.startswith("\n") for t in texts])[which]
    bullet = np.array([t in BULLETS for t in texts])[which]
    space = rows[:, 1] == 1
    # a Token's trailing whitespace is a plain space or nothing: no line break, so only space tokens count
    after_break = np.zeros(len(doc), dtype=bool)
    after_break[1:] = space[:-1] & (blank_line[:-1] | (line_start[:-1] & bullet[1:]))
    after_break[0] = False
    ric[0] = False
    opens = after_break & ~space & ~ric
    after_bullet = np.zeros(len(doc), dtype=bool)
    after_bullet[1:] = opens[:-1] & bullet[:-1]
    for i in np.flatnonzero(ric | (after_bullet & ~opens)).tolist():
        doc[i].is_sent_start = False
    for i in np.flatnonzero(opens).tolist():
        doc[i].is_sent_start = True
    for token in doc[1:HEADLINE_MAX_TOKENS + 1]:
        if not token.is_space and not ric[token.i] and _after_headline(token):
            token.is_sent_start = True
    for i in np.flatnonzero(ric).tolist():
        _after_a_tag_without_a_stop(doc, i)
    suffix_stop = np.array([_an_abbreviated_suffix(t) for t in texts])[which]
    for i in np.flatnonzero(suffix_stop[:-1]).tolist():
        _not_opened_after_a_suffix(doc, i)
    for i in np.flatnonzero(distinct[which] == doc.vocab.strings["."]).tolist():
        if _stop_inside_a_tag(doc, i):
            doc[i + 1].is_sent_start = False
    return doc


ABBREVIATED_SUFFIXES = frozenset(w.rstrip(".") for w in LEGAL_SUFFIXES if w.endswith("."))  # 'Corp.', 'Cos.'


def _an_abbreviated_suffix(text: str) -> bool:
    return text == "." or (text.endswith(".") and text[:-1].lower() in ABBREVIATED_SUFFIXES)


def _not_opened_after_a_suffix(doc: Doc, i: int) -> None:
    """'Bear Stearns Cos. stock fell', 'Acme Inc. shares rose': a word in lower case after a company's abbreviated
    legal suffix goes on the sentence of the name (the stop is the abbreviation's, not the sentence's)."""
    token, after = doc[i], doc[i + 1]
    if not after.is_lower or not after.is_alpha or not token.whitespace_:
        return
    if token.text == "." and (i == 0 or doc[i - 1].whitespace_ or doc[i - 1].lower_ not in ABBREVIATED_SUFFIXES):
        return
    after.is_sent_start = False


# a ticker tag whose code ends in a lower-case share-class letter ('DB1Gn.DE', 'DCXGn.DE', 'PSHG_p.DE'), whole
SPLIT_TAG_RE = re.compile(r"[A-Z0-9][A-Z0-9_]{1,6}[a-z_]{1,2}\.[A-Z]{1,3}")


def _stop_inside_a_tag(doc: Doc, stop: int) -> bool:
    """'Deutsche Boerse ( DB1Gn.DE ) agreed to buy ...': the tokenizer splits such a tag at its stop (after a lower-case
    letter), and the stop would end a sentence at 'DE'; a stop with no space on either side inside such a tag, in its
    brackets, ends none (the name before the tag stays the subject). A tag without brackets ("Daimler DCXGn.DE to sell
    Chrysler") is left split: joined, its three tokens jumble the parse of the whole sentence."""
    if stop == 0 or stop + 2 >= len(doc) or doc[stop - 1].whitespace_ or doc[stop].whitespace_:
        return False
    return doc[stop + 2].text in (")", ">") and \
        SPLIT_TAG_RE.fullmatch(doc[stop - 1].text + "." + doc[stop + 1].text) is not None


def _after_a_tag_without_a_stop(doc: Doc, ric: int) -> None:
    """'... talks with Ford Motor ( F.N ) Shares in Acme closed lower': a tag whose sentence lost its stop; a
    capitalised share word right after the tag opens the next sentence, so that its company is not the tagged one
    and 'the stock' after it is not the tagged company's."""
    after = ric + 2
    if after >= len(doc) or ric == 0 or doc[ric - 1].text != "(" or doc[ric + 1].text != ")" or \
            not doc[after].text[:1].isupper():
        return
    # 'Shares in Acme', "Acme's shares", 'The stock': capitalised words (and "'s") up to a share word
    for token in doc[after:min(after + 6, len(doc))]:
        if token.lower_ in SHARE_WORDS:
            doc[after].is_sent_start = True
            return
        if not (token.text[:1].isupper() or token.lower_ in ("'s", "’s")):
            return


BULLETS = ("*", "-", "•")


HEADLINE_MAX_TOKENS = 25


def _after_headline(token: Token) -> bool:
    """'Corvus Logistics to buy Atlas Freight for $2.4 billion' on the text's first line, without a stop, then 'Corvus
    Logistics said ...' on the next: the headline is a sentence of its own."""
    before = token.doc[token.i - 1]
    if token.i > HEADLINE_MAX_TOKENS or not (token.is_title or token.is_upper) or \
            "\n" not in (before.text if before.is_space else before.whitespace_):
        return False
    head = doc_text(token.doc)[:token.idx].strip()
    return "\n" not in head and head[-1:] not in ".!?:;,\"'”)"



lead_module_patterns(globals())
