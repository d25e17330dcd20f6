"""Charts: each takes a table and an optional ``ax``, draws, and returns the ``Axes``; none computes an
analysis or calls ``plt.show()``.

One module per analysis whose tables it draws (``compare``, ``corpus``, ``sentiment``, ``framing``,
``coverage``, ``quotes``, ``reliability``), ``style`` for the colours and the fonts (importing the
package sets how every chart draws text), and ``_common`` for what the charts share.
"""

from analysis.plots.style import FRAME_COLOURS, JOURNALIST_COLOUR, LEXICON_COLOURS, SPEAKER_COLOURS, STATUS_COLOURS
from analysis.plots._common import MAX_INCHES, article_labels
from analysis.plots.compare import distribution, group_means, over_time
from analysis.plots.corpus import article_lengths
from analysis.plots.quotes import who_speaks
from analysis.plots.sentiment import (ARC_PARTS, LEXICON_LABELS, outlet_sentiment, sentiment_arc, sentiment_by_target,
                                      sentiment_by_voice, word_contributions)
from analysis.plots.framing import frame_balance, frame_cooccurrence, frame_positions, frame_shares
from analysis.plots.coverage import (MAX_ALIGNED_ROWS, alignment, distinctive_terms, element_coverage,
                                     similarity_heatmap, timeline)
from analysis.plots.reliability import agreement

__all__ = ['MAX_INCHES', 'group_means', 'distribution', 'over_time', 'article_labels', 'article_lengths', 'JOURNALIST_COLOUR', 'SPEAKER_COLOURS', 'who_speaks', 'LEXICON_LABELS', 'LEXICON_COLOURS', 'sentiment_arc', 'ARC_PARTS', 'outlet_sentiment', 'word_contributions', 'sentiment_by_target', 'sentiment_by_voice', 'FRAME_COLOURS', 'frame_shares', 'frame_balance', 'frame_positions', 'frame_cooccurrence', 'MAX_ALIGNED_ROWS', 'STATUS_COLOURS', 'similarity_heatmap', 'alignment', 'distinctive_terms', 'element_coverage', 'timeline', 'agreement']
