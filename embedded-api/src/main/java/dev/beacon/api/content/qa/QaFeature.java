package dev.beacon.api.content.qa;

import dev.beacon.api.auth.AuthService;
import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import java.util.List;

/** The Q&A community: account sync, questions and answers. */
public final class QaFeature implements Feature {
  @Override
  public List<Class<?>> entities() {
    return List.of(QaMember.class, QaQuestion.class, QaAnswer.class);
  }

  @Override
  public void mount(Routes routes, ServerContext ctx) {
    QaService qa = new QaService(ctx);
    new CommunitySyncRoutes(ctx.db(), qa, new AuthService(ctx)).mount(routes);
    new QuestionRoutes(ctx.db(), qa).mount(routes);
  }
}
