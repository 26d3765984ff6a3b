package dev.beacon.desktop.docs;

import static dev.beacon.desktop.support.Models.call;
import static dev.beacon.desktop.support.Models.run;
import static dev.beacon.desktop.support.Models.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.client.DocTreeNode;
import dev.beacon.desktop.client.DocsApi;
import dev.beacon.desktop.support.Models;
import dev.beacon.desktop.ui.ConsoleContext;
import org.junit.jupiter.api.Test;

/** The Docs screen's model against the real server, without a stage: viewing, the admin's tree and doc editing, the preview. */
class DocsModelTest {

  private static DocTreeNode named(DocsModel m, String name) {
    return m.nodes.stream().filter(n -> name.equals(n.name())).findFirst().orElse(null);
  }

  private static DocsModel model(ConsoleContext ctx) throws Exception {
    return call(() -> new DocsModel(ctx));
  }

  @Test
  void anAdminOpensEditsAndRearrangesTheTree() throws Exception {
    BeaconClient admin = Models.server().admin();
    DocsApi api = new DocsApi(admin);
    String title = unique("Getting started");
    String doc = api.createDoc(title, 7, "# Welcome\n\nBeacon ships **fast**.");
    String guides = unique("Guides");
    String guidesId = api.createNode(DocTreeNode.ROOT, guides, null);
    String start = unique("Start here");
    api.createNode(guidesId, start, doc);

    DocsModel m = model(Models.administrator());
    run(m::refresh);
    assertEquals("", m.problem.get());
    assertTrue(m.docs.stream().anyMatch(d -> title.equals(d.name())), "admins get the doc list");
    run(() -> m.open(named(m, start)));
    assertTrue(m.html.get().contains("<strong>fast</strong>"), m.html.get());
    assertEquals(title, m.title.get(), "the editor holds the doc");
    assertEquals(7, m.type.get());
    assertEquals(doc, m.docId.get());

    run(() -> m.open(named(m, guides)));
    assertTrue(m.html.get().contains("has no doc attached"), m.html.get());
    assertEquals("", m.docId.get(), "a node without a doc leaves the editor empty for a new one");
    String faq = unique("FAQ node");
    run(() -> m.addNode(guidesId, faq, null));
    DocTreeNode faqNode = named(m, faq);
    assertEquals(guidesId, faqNode.pid());
    assertEquals(faqNode, m.selected.get(), "the new node is selected");
    assertEquals(2, m.descendants(guidesId));

    run(() -> {
      m.title.set("FAQ");
      m.markdown.set("Ask anything");
      m.saveDoc();
    });
    String saved = m.docId.get();
    assertFalse(saved.isEmpty());
    assertEquals(saved, named(m, faq).docId(), "the new doc hangs on the selected node");
    assertEquals("Ask anything", api.doc(saved).content());
    assertEquals("FAQ", m.docOf(named(m, faq)).name(), "the doc list has it, for the node's doc choice");

    assertTrue(m.nodes.indexOf(named(m, start)) < m.nodes.indexOf(named(m, faq)), "the tree comes depth first, by order");
    run(() -> m.move(named(m, start), +1));
    assertTrue(m.nodes.indexOf(named(m, faq)) < m.nodes.indexOf(named(m, start)), "moved down one place: " + m.nodes);
    run(() -> m.saveNode(named(m, faq), faq + " renamed", ""));
    assertNull(named(m, faq));
    assertFalse(named(m, faq + " renamed").hasDoc(), "the doc detached");

    run(() -> m.open(named(m, guides)));
    assertEquals("Delete with children", call(() -> m.confirmDeleteNode(m.selected.get())).action(), "a node with others below it");
    run(() -> m.deleteNode(m.selected.get(), true));
    assertNull(named(m, guides));
    assertNull(m.selected.get());
    assertTrue(api.tree().stream().noneMatch(n -> guides.equals(n.name())), "the server deleted the subtree");

    run(m::newDoc);
    assertEquals("", m.docId.get());
    run(() -> {
      m.docId.set(saved);
      m.deleteDoc();
    });
    assertEquals("", m.problem.get());
    assertEquals("", m.docId.get());
  }

  @Test
  void developersSeeThePagesButNotTheDocList() throws Exception {
    BeaconClient admin = Models.server().admin();
    DocsApi api = new DocsApi(admin);
    String doc = api.createDoc(unique("Changelog"), 5, "Version 2 is out.");
    String changes = unique("Changes");
    api.createNode(DocTreeNode.ROOT, changes, doc);

    DocsModel m = model(Models.developer());
    assertFalse(m.admin());
    run(m::refresh);
    assertNotNull(named(m, changes));
    assertTrue(m.docs.isEmpty());
    run(() -> m.open(named(m, changes)));
    assertTrue(m.html.get().contains("Version 2 is out."));
    assertEquals("", m.title.get(), "the editor's state stays empty for developers");
  }

  @Test
  void thePreviewRendersAsTheServerDoes() throws Exception {
    String markdown = "# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>x()</script>\n\n[bad](javascript:alert) [ok](https://beacon.example)";
    String doc = new DocsApi(Models.server().admin()).createDoc(unique("Preview"), 1, markdown);
    String served = new DocsApi(Models.server().admin()).html(doc);
    String preview = PreviewRenderer.toHtml(markdown);
    assertTrue(preview.contains("<table>") && preview.contains("&lt;script&gt;") && preview.contains("rel=\"nofollow noopener noreferrer\""),
        preview);
    assertFalse(preview.contains("javascript:"));
    assertTrue(served.contains(preview.trim()), "the server's page holds the same HTML:\n" + served + "\n---\n" + preview);
  }
}
