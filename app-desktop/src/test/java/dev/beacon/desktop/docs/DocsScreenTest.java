package dev.beacon.desktop.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.Fx;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.client.Io;
import dev.beacon.desktop.content.ContentScreen;
import dev.beacon.desktop.support.LiveServerTest;
import dev.beacon.desktop.support.Stages;
import dev.beacon.desktop.ui.ConsoleContext;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TreeView;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The Docs screen against a real server: a doc opens in the viewer; an admin adds a node and a doc and deletes a subtree. */
class DocsScreenTest extends LiveServerTest {

  private static List<JsonObject> tree(BeaconClient c) throws Exception {
    return c.get("v1/doc/tree", Map.of()).getJsonArray("tree").stream().map(o -> (JsonObject) o).toList();
  }

  private static String state(DocsScreen screen) {
    DocsModel m = screen.model();
    return "busy=" + m.busy.get() + " problem=" + m.problem.get() + " nodes=" + m.nodes.size()
        + " selected=" + m.selected.get() + " docId=" + m.docId.get();
  }

  @Test
  void developersWhoAreNotAdminsGetTheViewerOnly() throws Exception {
    BeaconClient admin = server.admin();
    admin.post("v1/auth/register", new JsonObject().put("type", "email").put("account", "dev@example.com")
        .put("password", "dev-password-1"));
    String doc = admin.post("v1/admin/doc", new JsonObject().put("name", "Changelog").put("type", 5)
        .put("content", "Version 2 is out.")).getString("docId");
    String node = admin.post("v1/admin/doc/tree", new JsonObject().put("name", "Changes").put("docId", doc)).getString("id");
    try {
      BeaconClient dev = server.anonymous();
      ConsoleContext ctx = new ConsoleContext(Io.newExecutor());
      ctx.setClient(dev.as(dev.login("dev@example.com", "dev-password-1")));
      DocsScreen screen = new DocsScreen(ctx);
      javafx.scene.Parent view = (javafx.scene.Parent) Fx.call(screen::view);
      javafx.scene.layout.StackPane stage = Fx.call(() -> new javafx.scene.layout.StackPane(view));
      Stages.show(stage); // lookups reach into tabs and split panes only once skins are made
      org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
      assertNotNull(Fx.call(() -> view.lookup("#docs-tree")), "the viewer is there");
      assertNull(Fx.call(() -> view.lookup("#node-new-name")), "no node editor");
      assertNull(Fx.call(() -> view.lookup("#doc-content")), "no doc editor");
      Fx.run(screen::shown);
      Stages.await("the tree", () -> screen.model().node(node) != null, () -> state(screen));
      Fx.run(() -> screen.model().open(screen.model().node(node)));
      Stages.await("the page", () -> screen.model().html.get().contains("Version 2 is out."), () -> state(screen));
      assertEquals("", Fx.call(() -> screen.model().title.get()), "the editor's state stays empty for developers");

      ContentScreen content = new ContentScreen(ctx);
      javafx.scene.Parent contentView = (javafx.scene.Parent) Fx.call(content::view);
      Fx.run(() -> stage.getChildren().setAll(contentView));
      org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
      assertNotNull(Fx.call(() -> contentView.lookup("#content-admins-only")), "content admin is for admins");
      assertNull(Fx.call(() -> contentView.lookup("#content-view")));

      // the same window signed in again as the admin: the editors and the admin's tabs appear
      Fx.run(() -> ctx.setClient(admin));
      Fx.run(content::shown);
      org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
      assertNotNull(Fx.call(() -> contentView.lookup("#content-view")), "the admin's tabs after an admin's sign-in");
      assertNull(Fx.call(() -> contentView.lookup("#content-admins-only")));
      Fx.run(() -> stage.getChildren().setAll(view));
      Fx.run(screen::shown);
      org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
      assertNotNull(Fx.call(() -> view.lookup("#node-new-name")), "the node editor after an admin's sign-in");
      ctx.io().shutdownNow();
    } finally {
      admin.delete("v1/admin/doc/tree/" + node + "?cascade=true");
      admin.delete("v1/admin/doc/" + doc);
    }
  }

  @Test
  void opensADocAndLetsAnAdminEditTheTree() throws Exception {
    BeaconClient admin = server.admin();
    String doc = admin.post("v1/admin/doc", new JsonObject().put("name", "Getting started").put("type", 7)
        .put("content", "# Welcome\n\nBeacon ships **fast**.")).getString("docId");
    String guides = admin.post("v1/admin/doc/tree", new JsonObject().put("name", "Guides")).getString("id");
    admin.post("v1/admin/doc/tree", new JsonObject().put("pid", guides).put("name", "Start here").put("docId", doc));

    DocsScreen screen = new DocsScreen(server.context());
    Stages.show(Fx.call(screen::view));
    Fx.run(screen::shown);
    FxRobot robot = new FxRobot();
    TreeView<dev.beacon.desktop.client.DocTreeNode> tree = robot.lookup("#docs-tree").query();
    Stages.await("the tree", () -> screen.model().nodes.size() == 2, () -> state(screen));

    robot.clickOn("Start here");
    WebView web = robot.lookup("#docs-web").query();
    Stages.await("the page", () -> screen.model().html.get().contains("Beacon ships")
        && web.getEngine().getDocument() != null
        && web.getEngine().getDocument().getDocumentElement().getTextContent().contains("Beacon ships fast"), () -> state(screen));
    assertTrue(Fx.call(() -> screen.model().html.get()).contains("<strong>fast</strong>"), "the markdown is rendered");
    assertEquals("Getting started", Fx.call(() -> screen.model().title.get()), "the admin's editor holds the doc");

    robot.clickOn("Guides");
    robot.clickOn("#node-new-name").write("FAQ node");
    robot.clickOn("#node-add-child");
    Stages.await("the new node", () -> !screen.model().busy.get() && screen.model().selected.get() != null
        && "FAQ node".equals(screen.model().selected.get().name()), () -> state(screen));
    JsonObject faq = tree(admin).stream().filter(n -> "FAQ node".equals(n.getString("name"))).findFirst().orElseThrow();
    assertEquals(guides, faq.getString("pid"), "the server has the node under Guides");

    robot.clickOn("Edit doc");
    robot.clickOn("#doc-title").write("FAQ");
    robot.clickOn("#doc-content").write("Ask anything");
    robot.clickOn("#doc-save");
    Stages.await("the saved doc", () -> !screen.model().busy.get() && !screen.model().docId.get().isEmpty(), () -> state(screen));
    String faqDoc = tree(admin).stream().filter(n -> "FAQ node".equals(n.getString("name"))).findFirst().orElseThrow().getString("docId");
    assertEquals(Fx.call(() -> screen.model().docId.get()), faqDoc, "the new doc hangs on the selected node");
    JsonObject saved = admin.get("v1/doc/" + faqDoc, Map.of()).getJsonObject("doc");
    assertEquals("FAQ", saved.getString("name"));
    assertEquals("Ask anything", saved.getString("content"));

    robot.clickOn("View");
    robot.clickOn("Guides");
    Stages.await("Guides selected", () -> "Guides".equals(screen.model().selected.get().name()), () -> state(screen));
    robot.clickOn("#node-delete");
    robot.clickOn("#confirm-ok");
    Stages.await("the subtree gone", () -> screen.model().nodes.isEmpty() && !screen.model().busy.get(), () -> state(screen));
    assertEquals(List.of(), tree(admin), "the server deleted the node with its children");
    assertTrue(Fx.call(() -> tree.getRoot().getChildren().isEmpty()));
  }
}
