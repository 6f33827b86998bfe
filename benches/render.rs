//! `errcat build` rendering speed on a synthetic 10,000-code × 2-locale catalog.
//!
//! Target: every format (Markdown, HTML, OpenAPI, JSON) rendered in under 150 ms on the
//! project's 2-core machine. The baseline, measured in the same run, is raw tera rendering of
//! a plain HTML table of the same 20,000 rows (context building included); the ratio to it is
//! what to compare across machines.
//!
//! `cargo bench --bench render` (add `-- --quick` for a shorter run).

use criterion::{criterion_group, Criterion};
use errcat::render::{render, Templates};
use errcat::{Catalog, SourceFile, Sources};
use serde::Serialize;
use std::borrow::Cow;
use std::hint::black_box;
use std::time::{Duration, Instant};

const CODES: usize = 10_000;
const FAMILIES: usize = 10;
const BUDGET: Duration = Duration::from_millis(150);

/// A catalog shaped like CSBS, 140 times larger: ten families, zh-CN source, en-US translation,
/// suggestions on 60% of the codes, Markdown (bold, code) in 10% of the texts, a few `|` and `<`.
fn synthetic() -> Catalog {
    let mut zh = vec![String::new(); FAMILIES];
    let mut en = vec![String::new(); FAMILIES];
    let mut metadata = String::from(
        "name = \"SYN\"\nsource_locale = \"zh-CN\"\nfallback_locale = \"en-US\"\ndefault_status = 400\n[status]\n",
    );
    for family in 0..FAMILIES {
        zh[family].push_str(&format!("-family-f{family} = 第 {family} 类\n"));
        en[family].push_str(&format!("-family-f{family} = Family {family}\n"));
    }
    for i in 0..CODES {
        let family = i % FAMILIES;
        let id = format!("SYN-{i:05}");
        let (zh_text, en_text) = match i % 10 {
            0 => (format!("云服务器 **状态** 为 `error`，无法执行操作 {i}。"), format!("The cloud server is in the **error** state and `resize` cannot run ({i}).")),
            1 => (format!("参数 a|b 无效 <{i}>。"), format!("The parameter a|b is invalid <{i}>.")),
            _ => (
                format!("备份策略中的云服务器数量达到上限，无法添加更多云服务器 {i}。"),
                format!("The number of cloud servers in the backup policy has reached the limit, so no more can be added ({i})."),
            ),
        };
        zh[family].push_str(&format!("{id} = {zh_text}\n"));
        en[family].push_str(&format!("{id} = {en_text}\n"));
        if i % 5 < 3 {
            zh[family].push_str("    .suggestion = 请删除其他备份策略后重试。\n");
            en[family].push_str("    .suggestion = Delete other backup policies and try again.\n");
        }
        if i % 7 == 0 {
            metadata.push_str(&format!("\"SYN.{i:05}\" = 500\n"));
        }
    }
    let file = |path: String, text: String| SourceFile { path, text: Cow::Owned(text) };
    let mut files = Vec::new();
    for (family, (zh, en)) in zh.into_iter().zip(en).enumerate() {
        files.push(file(format!("zh-CN/f{family}.ftl"), zh));
        files.push(file(format!("en-US/f{family}.ftl"), en));
    }
    let sources = Sources { root: None, metadata: Some(file("catalog.toml".into(), metadata)), files };
    errcat::load(&sources).expect("the synthetic catalog loads")
}

#[derive(Serialize)]
struct Row<'a> {
    code: &'a str,
    status: u16,
    message: Cow<'a, str>,
    suggestion: Option<Cow<'a, str>>,
}

/// The baseline: tera rendering a plain, autoescaped HTML table of every code in every locale.
fn tera_table(catalog: &Catalog, tera: &tera::Tera) -> String {
    let mut rows = Vec::with_capacity(CODES * 2);
    for locale in 0..catalog.locales().len() {
        for entry in catalog.codes() {
            let (_, texts) = catalog.resolve(entry, locale).expect("every code has a text");
            rows.push(Row {
                code: entry.code(),
                status: entry.status(),
                message: texts.value().source(),
                suggestion: texts.attribute("suggestion").map(|s| s.source()),
            });
        }
    }
    let mut context = tera::Context::new();
    context.insert("rows", &rows);
    tera.render("table.html", &context).expect("the baseline renders")
}

fn baseline_tera() -> tera::Tera {
    let mut tera = tera::Tera::default();
    tera.add_raw_template(
        "table.html",
        "<table>{% for r in rows %}<tr><td>{{ r.code }}</td><td>{{ r.status }}</td><td>{{ r.message }}</td>\
         <td>{% if r.suggestion %}{{ r.suggestion }}{% endif %}</td></tr>\n{% endfor %}</table>",
    )
    .expect("the baseline template parses");
    tera
}

fn benches(c: &mut Criterion) {
    let catalog = synthetic();
    let templates = Templates::embedded().expect("built-in templates");
    let tera = baseline_tera();
    let mut group = c.benchmark_group("render-10k");
    group.sample_size(10).measurement_time(Duration::from_secs(8));
    group.bench_function("baseline: tera table", |b| b.iter(|| black_box(tera_table(&catalog, &tera))));
    group.bench_function("all formats", |b| b.iter(|| black_box(render(&catalog, &templates).unwrap())));
    for renderer in errcat::render::renderers() {
        group.bench_function(renderer.name(), |b| {
            b.iter(|| {
                let mut files = errcat::render::Files::new();
                renderer.render(&catalog, &templates, &mut files).unwrap();
                black_box(files)
            })
        });
    }
    group.finish();
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    f();
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect(),
    )
}

/// Medians of both, measured one after the other in this run, and their ratio; the verdict against the budget.
fn report() {
    let catalog = synthetic();
    let templates = Templates::embedded().expect("built-in templates");
    let tera = baseline_tera();
    let files = render(&catalog, &templates).unwrap();
    let bytes: usize = files.values().map(Vec::len).sum();
    let all = time(21, || {
        black_box(render(&catalog, &templates).unwrap());
    });
    let baseline = time(21, || {
        black_box(tera_table(&catalog, &tera));
    });
    println!(
        "\nrender-10k: {CODES} codes × 2 locales, {} files, {:.1} MB\n  \
         all formats  median {:7.1} ms (budget {} ms: {})\n  \
         tera table   median {:7.1} ms (baseline)\n  \
         ratio all/baseline {:.2}",
        files.len(),
        bytes as f64 / 1e6,
        all.as_secs_f64() * 1e3,
        BUDGET.as_millis(),
        if all < BUDGET { "within" } else { "OVER" },
        baseline.as_secs_f64() * 1e3,
        all.as_secs_f64() / baseline.as_secs_f64(),
    );
}

criterion_group!(group, benches);

fn main() {
    group();
    Criterion::default().configure_from_args().final_summary();
    report();
}
