package cn.fivestar.cases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges whether an open case reports the same problem as a new request, for offering to follow it instead of
 * filing again: the same place and the same problem. Pure: no storage.
 * <ul>
 *   <li>Place ({@link CasePlace#sameAs}): compared after normalisation; another house number, building, unit or
 *       village group is another place; a place given only as a street, community or village name is too vague to
 *       match anything.</li>
 *   <li>Problem: when both texts name a known object ({@link KeyObjects}: 路灯, 楼道灯, 电梯, 下水道, 垃圾 …) it must
 *       be the same object, and then the same object at the same place is enough, however differently the
 *       neighbours put it; otherwise the texts must be alike ({@link Similarity}).</li>
 *   <li>Without a place on one side (a consultation), only a clearly alike text counts.</li>
 * </ul>
 * Whose case it is does not matter: a reporter's own earlier open case is a duplicate too. A query is used by one
 * thread at a time.
 */
final class CaseDuplicates {
  private CaseDuplicates() {}

  /** A new request, prepared once and compared with many open cases. */
  static final class Query {
    private final String location;
    private final Similarity.Prepared text;
    private final Similarity.Prepared placeText;
    private final CasePlace place;
    private final List<KeyObjects.KeyObject> objects;
    /** Open cases share few places: each is taken apart once per query. */
    private final Map<String, CasePlace> places = new HashMap<>();

    private Query(String text, String location) {
      this.location = location;
      this.text = Similarity.text(text);
      this.placeText = Similarity.place(location);
      this.place = CasePlace.parse(location);
      this.objects = KeyObjects.of(text, location, place.landmark());
    }

    boolean isEmpty() {
      return text.isEmpty();
    }

    /** How alike (higher is closer, at most 1), or -1 when the case is not the same problem at the same place. */
    double score(String caseText, String caseLocation) {
      CasePlace other = places.computeIfAbsent(caseLocation == null ? "" : caseLocation, CasePlace::parse);
      if ((!place.isEmpty() && place.isVague()) || (!other.isEmpty() && other.isVague())) return -1;
      boolean placed = !place.isEmpty() && !other.isEmpty();
      if (placed && !place.sameAs(other)) return -1;
      double alike = Similarity.texts(text, placeText, Similarity.text(caseText), Similarity.place(caseLocation));
      if (!placed && alike < Similarity.TEXT_ALONE) return -1;
      List<KeyObjects.KeyObject> theirs = objects.isEmpty() ? List.of()
          : KeyObjects.of(caseText, caseLocation, other.landmark());
      boolean bothNamed = !objects.isEmpty() && !theirs.isEmpty();
      if (bothNamed && !KeyObjects.shareOne(objects, theirs)) return -1;
      if (!placed) return alike * 0.8;
      if (bothNamed || alike >= Similarity.TEXT_WITH_PLACE) return 0.2 + alike * 0.8;
      return -1;
    }

    @Override
    public String toString() {
      return "Query[" + location + ", " + place + ", " + objects + "]";
    }
  }

  /** text and location as cleaned by {@link CaseInput#clean}. */
  static Query query(String text, String location) {
    return new Query(text, location);
  }
}
