// A front end's first steps with the types openapi-typescript generates from the live schema
// (tests/test_api_clients.py writes ./schema.ts and ./config.ts beside a copy of this file, compiles it with
// `tsc --strict` and runs it with node). It prints what it read as JSON for the test to check.
import type { components, paths } from "./schema";
import { BASE } from "./config";

type Schemas = components["schemas"];
type Page = Schemas["Page"];
type PageSummary = Schemas["PageSummary"];
type BodyBlock = Schemas["BodyBlock"];
type Json<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { "application/json": infer T } } } };
}
  ? T
  : never;

async function get<P extends keyof paths>(path: P, query = ""): Promise<Json<P>> {
  const response = await fetch(`${BASE}${path}${query}`);
  if (!response.ok) {
    throw new Error(`${path}${query} answered ${response.status}`);
  }
  return (await response.json()) as Json<P>;
}

async function getPage(id: number): Promise<Page> {
  const response = await fetch(`${BASE}/api/v2/pages/${id}/`);
  if (!response.ok) {
    throw new Error(`page ${id} answered ${response.status}`);
  }
  return (await response.json()) as Json<"/api/v2/pages/{id}/">;
}

// Exhaustive: a block type added to the schema and not handled here fails to compile.
function blockText(block: BodyBlock): string {
  switch (block.type) {
    case "heading":
      return block.value.text ?? "";
    case "paragraph":
    case "raw_html":
      return typeof block.value === "string" ? block.value : "";
    case "quote":
      return block.value.text ?? "";
    case "image":
    case "table":
    case "embed":
    case "document":
    case "page_link":
    case "statistics":
      return "";
    default: {
      const unhandled: never = block;
      return unhandled;
    }
  }
}

// Narrowing by the discriminator: each branch sees only its page type's fields.
function headline(page: Page | PageSummary): string {
  switch (page.type) {
    case "news.NewsPage":
      return `${page.title} (${page.meta.locale}, ${"date" in page ? page.date : ""})`;
    case "news.DirectivePage":
      return `${page.title} [${"number" in page ? page.number : ""}]`;
    default:
      return page.title;
  }
}

async function main(): Promise<void> {
  const news = await get("/api/v2/pages/", "?type=news.NewsPage&fields=body&limit=3");
  const newest = news.items.flatMap((item) => (item.type === "news.NewsPage" ? [item] : []));
  const first = newest[0];
  if (first === undefined) {
    throw new Error("no news");
  }
  const detail = await getPage(first.id);
  if (detail.type !== "news.NewsPage") {
    throw new Error(`page ${first.id} is a ${detail.type}`);
  }
  const english = detail.meta.translations.find((translation) => translation.locale === "en");
  const translated = english
    ? await get("/api/v2/pages/find/", `?id=${detail.id}&locale=en&redirect=false`)
    : undefined;

  const directives = await get("/api/v2/pages/", "?type=news.DirectivePage&fields=document_type,number");
  const kinds = directives.items.flatMap((item) =>
    item.type === "news.DirectivePage" && item.document_type ? [item.document_type.code] : [],
  );
  const kind = kinds[0] ?? "";
  const filtered = await get(
    "/api/v2/pages/",
    `?type=news.DirectivePage&fields=document_type&document_type=${encodeURIComponent(kind)}`,
  );

  const search = await get("/api/v2/search/", `?q=${encodeURIComponent("moc chau")}`);
  const statistics = await get("/api/v2/statistics/");
  const visits = await get("/api/v2/visits/");

  const report = {
    news: newest.map((item) => ({ id: item.id, headline: headline(item), blocks: (item.body ?? []).length })),
    detail: {
      id: detail.id,
      category: detail.category.label,
      date: detail.date,
      hero: detail.hero_image?.renditions.medium.url ?? null,
      block_types: detail.body.map((block) => block.type),
      headings: detail.body.flatMap((block) => (block.type === "heading" ? [blockText(block)] : [])),
      text_length: detail.body.map(blockText).join(" ").length,
    },
    english: translated ? { id: translated.id, locale: translated.meta.locale, title: translated.title } : null,
    directives: {
      document_type: kind,
      codes: filtered.items.map((item) => (item.type === "news.DirectivePage" ? item.document_type?.code : null)),
    },
    search: {
      total: search.meta.total_count,
      titles: search.items.map((item) => item.title_highlighted.replace(/<\/?mark>/g, "")),
      marked: search.items.some((item) => item.snippet.includes("<mark>")),
    },
    statistics: statistics.items.map((item) => item.display_text),
    visits: visits.total,
  };
  console.log(JSON.stringify(report));
}

main().catch((error: unknown) => {
  console.error(error);
  throw error;
});
