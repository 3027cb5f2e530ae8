package cn.fivestar.answer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.knowledge.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a star answer picks its lines from documents that tie practices to the star in their own words. */
class StarNavigatorTest {
  @TempDir Path tmp;
  KnowledgeBase kb;

  @AfterEach
  void close() {
    if (kb != null) kb.close();
  }

  private GroundedAnswerer answerer(String... namesAndTexts) throws IOException {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    for (int i = 0; i < namesAndTexts.length; i += 2) Files.writeString(docs.resolve(namesAndTexts[i]), namesAndTexts[i + 1]);
    kb = KnowledgeBase.open(tmp.resolve("data"), List.of(docs), false, s -> {});
    return new GroundedAnswerer(kb, Optional.empty(), "抱歉");
  }

  @Test
  void aStarsPartOfAReportRunsOnIntoTheNextPassage() throws IOException {
    // The lead-in ends the first passage but one; the practice after it lands in the next passage.
    GroundedAnswerer a = answerer("page.txt", """
        京广路街道党建领航强网格

        京广路街道冯春社区坚持党建引领，推动基层治理不断深入，社区党委带领党员干部走街串巷，倾听群众的意见和建议，把群众的难事一件件办好。社区还组织辖区单位开展结对共建，共同推动社区发展，群众满意度不断提高。社区党委定期召开居民代表会议，听取大家对社区工作的意见，并及时回应。功能服务引领，争创“幸福和谐星”。在社区开办“四点半课堂”，为双职工家庭照看放学后的孩子们。利用社区少年儿童活动中心，开展青少年相关活动，助力孩子茁壮健康成长。
        """);
    String text = a.answer("怎么争创幸福和谐星？", List.of()).text();
    assertTrue(text.contains("少年儿童活动中心"), text);
  }

  @Test
  void aSentenceGoingOnWithTheStarsWorkNeedsFewerOfItsWords() throws IOException {
    GroundedAnswerer a = answerer("xiliuhu.txt", """
        西流湖街道谋发展强服务

        西流湖街道在建项目、抓招商、促营商上持续发力，全力以赴稳增长、谋发展。建立全员招商机制，将招商任务细化至每个科级干部，常态化开展“万人助万企”及扫楼扫街行动。
        """, "other.txt", """
        某社区的消防演练

        社区组织居民开展“平安楼院”消防演练活动，邀请辖区商户代表一起参加，现场讲解灭火器的使用方法。
        """);
    String text = a.answer("宜业兴业星怎么创建？", List.of()).text();
    assertTrue(text.contains("万人助万企"), text);
    // One of the star's words (商户) in a sentence that follows nothing about the star's work is not enough.
    assertFalse(text.contains("消防演练"), text);
  }

  @Test
  void aNamedPracticeComesBeforeOnesThatOnlyGiveAFigure() throws IOException {
    String lines = """
        关爱老兵（花园路街道）：为15位抗美援朝老兵上门颁发纪念章，关爱老年人。
        结对帮扶（林山寨街道百花社区）：长期结对帮扶27名独居老年人。
        助老送餐（绿东村街道）：为83岁独居老人送餐，每天服务老年人40人次。
        邻里节（中原西路街道）：举办3场邻里节，吸引2000多名居民参加文化活动。
        暑期托管（京广路街道）：为120名儿童开设暑期托管班，志愿服务队帮双职工家庭看护孩子。
        健康义诊（汝河路街道）：组织12次健康义诊，关爱老年人，为他们测血压、讲保健知识。
        便民理发（建设路街道）：每月2次上门为行动不便的老年人理发。
        文艺汇演（蜜蜂张街道）：社区文化队排练8个节目，在重阳节为老年人演出。
        """;
    GroundedAnswerer a = answerer("criteria-xingfu.md", """
        # 幸福和谐星（城市社区）的创建任务与标准
        star: 幸福和谐星
        kind: criteria
        place: 城市社区

        ## 主要任务
        幸福和谐星要求社区为老年人提供关爱服务，办好邻里活动。

        ## 各地做法
        """ + lines + """
        “梨园之家”（秦岭路街道）：辖区老年人多、爱看传统戏剧，以党群服务中心“梨园之家”为切入点开展关爱服务和邻里活动。
        """);
    String text = a.answer("怎么争创幸福和谐星？", List.of()).text();
    assertTrue(text.contains("梨园之家"), text);
    assertTrue(text.lines().filter(l -> l.matches("^\\d+\\. .*")).count() <= StarNavigator.MAX_ITEMS, text);
  }
}
