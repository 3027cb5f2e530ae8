package cn.fivestar.knowledge;

import java.util.Iterator;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Feeds already-analysed terms to the index, so each passage is segmented once (smartcn is the slow part of a
 * build) and the same terms serve the inverted index and the stored term lists used for reranking.
 */
final class TermListTokenStream extends TokenStream {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final List<String> terms;
  private Iterator<String> it;

  TermListTokenStream(List<String> terms) {
    this.terms = terms;
  }

  @Override
  public void reset() throws java.io.IOException {
    super.reset();
    it = terms.iterator();
  }

  @Override
  public boolean incrementToken() {
    if (it == null || !it.hasNext()) return false;
    clearAttributes();
    term.setEmpty().append(it.next());
    return true;
  }
}
