"""Direct quotes: finding them, attributing them, and comparing their wording across sources."""

from service.quotes.diff import QuoteComparison, compare_quotes
from service.quotes.extract import extract_quotes
from service.quotes.matching import nearly_same_words, quote_overlap, same_speaker, same_utterance

__all__ = ["QuoteComparison", "compare_quotes", "extract_quotes", "nearly_same_words", "quote_overlap", "same_speaker", "same_utterance"]
