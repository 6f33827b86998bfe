//! STAND-IN for `errcat::include_catalog!()` until the generator lands: the same API, written by hand.
use errcat::{Arg, Catalog, ErrorResponse, Localized, SourceFile, Sources};
use std::borrow::Cow;
use std::sync::OnceLock;

pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let file = |path: &str, text: &'static str| SourceFile { path: path.into(), text: Cow::Borrowed(text) };
        let sources = Sources {
            root: None,
            metadata: Some(file("catalog.toml", include_str!("../locales/catalog.toml"))),
            files: vec![
                file("zh-CN/orders.ftl", include_str!("../locales/zh-CN/orders.ftl")),
                file("en-US/orders.ftl", include_str!("../locales/en-US/orders.ftl")),
                file("ja-JP/orders.ftl", include_str!("../locales/ja-JP/orders.ftl")),
            ],
        };
        errcat::load(&sources).unwrap_or_else(|_| Catalog::empty())
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    Orders0001,
    Orders0002,
    Orders0003,
    Orders0004,
    Orders0005,
    Orders0006,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Orders0001 => "ORDERS.0001",
            Code::Orders0002 => "ORDERS.0002",
            Code::Orders0003 => "ORDERS.0003",
            Code::Orders0004 => "ORDERS.0004",
            Code::Orders0005 => "ORDERS.0005",
            Code::Orders0006 => "ORDERS.0006",
        }
    }
}

#[derive(Clone, Debug)]
pub enum Message<'a> {
    Orders0001 { id: Arg<'a> },
    Orders0002 { count: Arg<'a> },
    Orders0003,
    Orders0004,
    Orders0005,
    Orders0006 { max: Arg<'a> },
}

impl Message<'_> {
    pub fn code(&self) -> Code {
        match self {
            Message::Orders0001 { .. } => Code::Orders0001,
            Message::Orders0002 { .. } => Code::Orders0002,
            Message::Orders0003 => Code::Orders0003,
            Message::Orders0004 => Code::Orders0004,
            Message::Orders0005 => Code::Orders0005,
            Message::Orders0006 { .. } => Code::Orders0006,
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg<'_>)> {
        match self {
            Message::Orders0001 { id } => vec![("id", *id)],
            Message::Orders0002 { count } => vec![("count", *count)],
            Message::Orders0006 { max } => vec![("max", *max)],
            _ => Vec::new(),
        }
    }

    pub fn localize(&self, lang: &str) -> Localized<'static> {
        catalog().localize_with(self.code().as_str(), lang, &self.args()).expect("generated code")
    }

    pub fn error_response(&self, accept_language: &str) -> ErrorResponse<'static> {
        catalog().response_for(self.localize(accept_language))
    }
}
