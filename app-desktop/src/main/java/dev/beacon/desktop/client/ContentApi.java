package dev.beacon.desktop.client;

import java.util.List;
import java.util.Map;

/** The content admin routes as typed collections (SDKs, their resources, light-module categories and modules, posters) and the doc choices. */
public final class ContentApi {
  public static final RestCollection<Sdk> SDKS =
      new RestCollection<>("v1/admin/sdk", "sdkList", "v1/admin/sdk", Sdk::of, Sdk::sdkId);
  public static final RestCollection<SdkResource> RESOURCES =
      new RestCollection<>("v1/admin/resource", "resourceList", "v1/admin/resource", SdkResource::of, SdkResource::resourceId);
  public static final RestCollection<LightModuleCategory> CATEGORIES = new RestCollection<>("v1/admin/sdk/lightmodule/category",
      "moduleCategoryList", "v1/admin/sdk/lightmodule/category", LightModuleCategory::of, LightModuleCategory::moduleCategoryId);
  public static final RestCollection<LightModule> MODULES = new RestCollection<>("v1/sdk/lightmodule/list", "dataList",
      "v1/admin/sdk/lightmodule", LightModule::of, LightModule::lightModuleId);
  public static final RestCollection<Poster> POSTERS =
      new RestCollection<>("v1/poster", "result", "v1/poster", Poster::of, Poster::posterId);

  private ContentApi() {}

  /** {@code GET /v1/admin/doc}: up to 100 docs by name (the "doc" choices of the forms). */
  public static List<Doc> docs(BeaconClient c) throws ApiError {
    return Json.list(c.get("v1/admin/doc", Map.of("pageNo", 1, "pageSize", 100, "orderBy", "name:asc")), "docs", Doc::of);
  }
}
