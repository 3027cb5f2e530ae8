package cn.fivestar.cases;

/**
 * A case as it may be shown to someone who is not its reporter (a neighbour offered to follow it, a resident
 * asking about it): the tracking number, category, status and the place at street level (幸福路 for
 * 幸福路12号院3号楼2单元501). Never the text, the phone, the name, the house number, building, unit or room.
 *
 * @param place the street, community or village (or a public landmark); null when the case names none
 */
public record CasePublicView(String trackingNumber, String category, CaseStatus status, String place) {

  /** The view of a stored case for anyone but its reporter. */
  public static CasePublicView of(CaseRecord r) {
    return new CasePublicView(r.id(), r.category(), r.status(), streetLevelPlace(r.location()));
  }

  /**
   * A written place at street level: the road, street, community, estate or village names without house number,
   * building, unit or room (幸福路12号院3号楼2单元501 → 幸福路, 锦艺东社区7号楼 → 锦艺东社区, 王庄村三组 → 王庄村); a
   * public landmark when no such name is given (东门垃圾站); null when neither (no place, or only a home).
   */
  public static String streetLevelPlace(String location) {
    return CasePlace.parse(location).streetLevel();
  }

  /** One line, e.g. "编号 20260105-0001（设施维修，幸福路，已受理）". */
  public String text() {
    return "编号 " + trackingNumber + "（" + category + (place == null ? "" : "，" + place) + "，" + status.label() + "）";
  }
}
