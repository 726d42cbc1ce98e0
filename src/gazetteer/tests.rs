use super::*;

fn name_of(code: u32) -> String {
    Region::from_code_number(code).map_or_else(String::new, |r| r.name().to_owned())
}

#[test]
fn codes_of_provinces_prefectures_and_counties() {
    // Checked against the source lists (china-division 2.7.0).
    let cases: &[(u32, &str, RegionLevel)] = &[
        (110000, "北京市", RegionLevel::Province),
        (140000, "山西省", RegionLevel::Province),
        (450000, "广西壮族自治区", RegionLevel::Province),
        (540000, "西藏自治区", RegionLevel::Province),
        (650000, "新疆维吾尔自治区", RegionLevel::Province),
        (141000, "临汾市", RegionLevel::Prefecture),
        (140700, "晋中市", RegionLevel::Prefecture),
        (422800, "恩施土家族苗族自治州", RegionLevel::Prefecture),
        (522600, "黔东南苗族侗族自治州", RegionLevel::Prefecture),
        (451000, "百色市", RegionLevel::Prefecture),
        (520200, "六盘水市", RegionLevel::Prefecture),
        (420300, "十堰市", RegionLevel::Prefecture),
        (230900, "七台河市", RegionLevel::Prefecture),
        (411200, "三门峡市", RegionLevel::Prefecture),
        (152500, "锡林郭勒盟", RegionLevel::Prefecture),
        (542500, "阿里地区", RegionLevel::Prefecture),
        (141032, "永和县", RegionLevel::County),
        (140721, "榆社县", RegionLevel::County),
        (140430, "沁县", RegionLevel::County),
        (341821, "郎溪县", RegionLevel::County),
        (220622, "靖宇县", RegionLevel::County),
        (621124, "临洮县", RegionLevel::County),
        (621225, "西和县", RegionLevel::County),
        (621228, "两当县", RegionLevel::County),
        (141129, "中阳县", RegionLevel::County),
        (429004, "仙桃市", RegionLevel::County),
        (422801, "恩施市", RegionLevel::County),
    ];
    for &(code, name, level) in cases {
        let r = Region::from_code(&code.to_string()).unwrap_or_else(|| panic!("{code}"));
        assert_eq!((r.name(), r.level(), r.is_current()), (name, level, true));
        assert_eq!(r.code(), Some(code));
    }
    // Groupings and statistical areas are no units.
    assert_eq!(Region::from_code("110100"), None);
    assert_eq!(Region::from_code("429000"), None);
    assert_eq!(Region::from_code("130171"), None);
    for bad in ["", "52260", "5226000", "52260x", "000000", "999999"] {
        assert_eq!(Region::from_code(bad), None, "{bad}");
    }
}

#[test]
fn the_tables_are_sorted_and_consistent() {
    assert!(UNITS.windows(2).all(|w| w[0].0 < w[1].0));
    assert!(
        NAMES
            .windows(2)
            .all(|w| (w[0].0.as_bytes(), w[0].1) < (w[1].0.as_bytes(), w[1].1))
    );
    for e in NAMES {
        assert!(usize::from(e.1) < UNITS.len(), "{}", e.0);
        let mut cs = e.0.chars();
        let (c1, c2) = (cs.next().unwrap(), cs.next().unwrap());
        assert!(has(&FIRST, c1) && has(&SECOND, c2), "{}", e.0);
        let pair = (c1 as u32) << 16 | c2 as u32;
        let k = PAIRS.binary_search_by_key(&pair, |p| p.0).unwrap();
        let i = NAMES.iter().position(|n| n == e).unwrap();
        assert!(
            (usize::from(PAIRS[k].1)..usize::from(PAIRS[k].2)).contains(&i),
            "{}",
            e.0
        );
    }
    let provinces = UNITS.iter().filter(|u| u.2 == 1).count();
    assert_eq!(provinces, 31);
    let current_counties = UNITS.iter().filter(|u| u.2 == 3).count();
    assert!(
        (2800..2900).contains(&current_counties),
        "{current_counties}"
    );
}

#[test]
fn short_forms() {
    let cases: &[(&str, u32)] = &[
        ("恩施州", 422800),
        ("恩施", 422800),
        ("黔东南州", 522600),
        ("黔东南", 522600),
        ("西藏", 540000),
        ("广西", 450000),
        ("新疆", 650000),
        ("内蒙古", 150000),
        ("宁夏", 640000),
        ("山西", 140000),
        ("吉林", 220000),
        ("临洮", 621124),
        ("百色", 451000),
        ("六盘水", 520200),
        ("湘西州", 433100),
        ("凉山州", 513400),
        ("锡林郭勒", 152500),
        ("长阳", 420528),
        ("东乡县", 622926),
        ("神农架", 429021),
    ];
    for &(name, code) in cases {
        assert_eq!(
            Region::lookup(name).and_then(|r| r.code()),
            Some(code),
            "{name}"
        );
    }
    // Traditional characters and full-width spaces are read as the simplified name.
    assert_eq!(
        name_of(
            Region::lookup("黔東南州")
                .and_then(|r| r.code())
                .unwrap_or(0)
        ),
        "黔东南苗族侗族自治州"
    );
    assert_eq!(
        Region::lookup(" 臨洮縣 ").and_then(|r| r.code()),
        Some(621124)
    );
    assert_eq!(
        Region::lookup("全国").map(|r| r.level()),
        Some(RegionLevel::National)
    );
}

#[test]
fn common_words_are_no_short_forms() {
    // 通道侗族自治县, 和平区, 全州县, 比如县, 公安县, 资源县: their short forms are words.
    for word in [
        "通道", "和平", "全州", "比如", "公安", "资源", "合作", "同心", "互助", "东方", "金山",
        "延长",
    ] {
        assert!(Region::lookup_all(word).is_empty(), "{word}");
    }
    // The full names stay.
    assert_eq!(
        Region::lookup("比如县").and_then(|r| r.code()),
        Some(540622)
    );
    assert_eq!(
        Region::lookup("全州县").and_then(|r| r.code()),
        Some(450324)
    );
    for word in [
        "样板县",
        "人口农村",
        "参加城乡",
        "委县",
        "国农村",
        "全市",
        "示范村",
        "我县",
    ] {
        assert!(Region::lookup_all(word).is_empty(), "{word}");
    }
}

#[test]
fn old_names_since_2014() {
    // 横县 became 横州市 (2021), 沙县 沙县区 (2021), 蓟县 蓟州区 (2016): kept under the
    // old names and codes, marked not current.
    for (name, code) in [("横县", 450127), ("蓟县", 120225), ("莱芜市", 371200)] {
        let r = Region::lookup(name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!((r.code(), r.is_current()), (Some(code), false), "{name}");
        assert_eq!(Region::from_code(&code.to_string()), Some(r));
    }
    assert_eq!(name_of(450181), "横州市");
    // 沙县 is now 沙县区's short form; the old county is found by its old code.
    assert_eq!(Region::lookup("沙县").and_then(|r| r.code()), Some(350405));
    let old = Region::from_code("350427").unwrap();
    assert_eq!((old.name(), old.is_current()), ("沙县", false));
}

#[test]
fn ambiguous_names_give_all_and_no_single_answer() {
    let all = Region::lookup_all("朝阳区");
    let codes: Vec<_> = all.iter().filter_map(Region::code).collect();
    assert_eq!(codes, [110105, 220104]);
    assert_eq!(Region::lookup("朝阳区"), None);
    let err = "朝阳区".parse::<Region>().unwrap_err();
    assert!(err.to_string().contains("110105"), "{err}");
    assert!("样板县".parse::<Region>().is_err());
}

#[test]
fn parents_and_containment() {
    let lintao = Region::lookup("临洮县").unwrap();
    assert_eq!(lintao.prefecture().map(|p| p.code()), Some(Some(621100)));
    assert_eq!(lintao.province().map(|p| p.code()), Some(Some(620000)));
    let gansu = Region::lookup("甘肃").unwrap();
    assert!(gansu.contains(&lintao) && !lintao.contains(&gansu));
    assert!(Region::national().contains(&lintao));
    // A county a province governs directly has no prefecture.
    assert_eq!(Region::lookup("仙桃市").unwrap().prefecture(), None);
}

fn found(t: &str) -> Vec<(String, Option<u32>)> {
    let mut hits = Vec::new();
    scan(t, 0, t.len(), &mut hits);
    let own = Region::lookup("临洮县");
    hits.iter()
        .map(|h| {
            let r = resolve(t, h, &[], own.as_ref(), own.as_ref());
            (t[h.start..h.end].to_owned(), r.and_then(|r| r.code()))
        })
        .collect()
}

#[test]
fn names_found_in_text() {
    let s = |v: &[(&str, Option<u32>)]| -> Vec<(String, Option<u32>)> {
        v.iter().map(|(a, b)| ((*a).to_owned(), *b)).collect()
    };
    // Names with numerals are found whole.
    assert_eq!(
        found("百色市、十堰市和六盘水市的贫困人口"),
        s(&[
            ("百色市", Some(451000)),
            ("十堰市", Some(420300)),
            ("六盘水市", Some(520200))
        ])
    );
    assert_eq!(
        found("甘肃省两当县"),
        s(&[("甘肃省", Some(620000)), ("两当县", Some(621228))])
    );
    assert_eq!(
        found("七台河市和三门峡市"),
        s(&[("七台河市", Some(230900)), ("三门峡市", Some(411200))])
    );
    // Words that end like places name nothing.
    // 我县 is the document's county.
    assert_eq!(found("县委县政府下达我县"), s(&[("我县", Some(621124))]));
    for t in [
        "样板县建设",
        "县委县政府",
        "减少农村贫困人口",
        "参加城乡居民医保",
        "振兴县域经济",
        "搬迁安置点",
    ] {
        assert!(
            found(t)
                .iter()
                .all(|(_, c)| c.is_none() || t.contains("全县")),
            "{t}: {:?}",
            found(t)
        );
        assert!(
            found(t)
                .iter()
                .all(|(n, _)| !n.ends_with('县') || n == "全县"),
            "{t}: {:?}",
            found(t)
        );
    }
    // 全县 is the document's county; townships and villages as written under it.
    assert_eq!(found("全县脱贫"), s(&[("全县", Some(621124))]));
    assert_eq!(
        found("龙泉镇大北山村"),
        s(&[("龙泉镇大北山村", Some(621124))])
    );
    assert_eq!(found("乌蒙山片区"), s(&[("乌蒙山片区", None)]));
    // A kind of area is no name of one; an area's name holds no conjunction.
    assert!(
        found("原中央苏区和特困片区县").is_empty(),
        "{:?}",
        found("原中央苏区和特困片区县")
    );
    assert!(found("深度贫困片区").is_empty());
    assert_eq!(
        found("支持滇桂黔石漠化片区"),
        s(&[("滇桂黔石漠化片区", None)])
    );
    // One-character names need a boundary: 岚县 at the start, not 兴县 inside 振兴县域.
    assert_eq!(found("岚县“十三五”期间"), s(&[("岚县", Some(141127))]));
    assert!(found("振兴县域").is_empty());
}

#[test]
fn name_stops_are_sorted() {
    assert!(NAME_STOPS.windows(2).all(|w| w[0] < w[1]));
}
