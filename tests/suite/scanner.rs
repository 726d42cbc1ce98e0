//! The document scanner on forms that real pages write: units of power and energy,
//! dashes, damaged figures, set phrases and place names, time words, implied units and
//! hard-wrapped lines. Our own sentences, in the style of county reports.

use fupin::{Approx, Unit, quantities};

/// A quantity as the tests compare it: (text as written, value, max, unit, approx).
type Found = (String, String, Option<String>, Option<Unit>, Approx);

/// Every quantity of `text`, checking each span.
fn all(text: &str) -> Vec<Found> {
    quantities(text)
        .map(|q| {
            assert_eq!(&text[q.span.range()], q.text, "span of {:?}", q.text);
            (
                q.text.into_owned(),
                q.value.to_string(),
                q.max.map(|m| m.to_string()),
                q.unit,
                q.approx,
            )
        })
        .collect()
}

/// The texts of the quantities found.
#[track_caller]
fn texts(text: &str, want: &[&str]) {
    let got: Vec<String> = all(text).into_iter().map(|x| x.0).collect();
    assert_eq!(got, want, "in {text:?}");
}

/// The one quantity whose text is `q` in `text`: its value and unit.
#[track_caller]
fn one(text: &str, q: &str, value: &str, unit: Option<Unit>) {
    let got = all(text);
    let hit = got.iter().find(|x| x.0 == q);
    let Some(hit) = hit else {
        panic!("{q:?} not found in {text:?}: {got:?}");
    };
    assert_eq!((hit.1.as_str(), hit.3), (value, unit), "{q:?} in {text:?}");
}

#[test]
fn power_is_megawatts() {
    let mw = Some(Unit::Megawatt);
    one("全乡建成村级光伏电站装机1.2万千瓦。", "1.2万千瓦", "12", mw);
    one(
        "新增装机容量2.35万千瓦,带动贫困户",
        "2.35万千瓦",
        "23.5",
        mw,
    );
    one("每座电站装机300千瓦", "300千瓦", "0.3", mw);
    one("户用光伏每户5千瓦,共计", "5千瓦", "0.005", mw);
    one("集中式电站规模达两万千瓦。", "两万千瓦", "20", mw);
    one("总装机达一点五万千瓦", "一点五万千瓦", "15", mw);
    one("扶贫电站规模16.3兆瓦", "16.3兆瓦", "16.3", mw);
    one("已並網發電3.6萬千瓦,", "3.6萬千瓦", "36", mw);
    // Never a bare 千 (500千 = 500000) nor a count of 瓦.
    texts("建成光伏电站500千瓦", &["500千瓦"]);
}

#[test]
fn energy_is_kilowatt_hours() {
    let kwh = Some(Unit::KilowattHour);
    one("年发电量320万千瓦时,收益", "320万千瓦时", "3200000", kwh);
    one("全年累计发电1.8亿千瓦时", "1.8亿千瓦时", "180000000", kwh);
    one(
        "村级电站年发电1200千瓦时左右",
        "1200千瓦时左右",
        "1200",
        kwh,
    );
    one("年发电60万度,每度电收益0.4元", "60万度", "600000", kwh);
    one("全年用电量达45万度。", "45万度", "450000", kwh);
    one("年發電量達2.6萬千瓦時。", "2.6萬千瓦時", "26000", kwh);
    // Never power.
    for (text, q) in [
        ("年发电量320万千瓦时", "320万千瓦时"),
        ("上网电量8000千瓦时", "8000千瓦时"),
    ] {
        let got = all(text);
        assert!(
            got.iter().all(|x| x.3 != Some(Unit::Megawatt)),
            "{text:?}: {got:?}"
        );
        one(text, q, got[0].1.as_str(), kwh);
    }
    // 度 away from electricity stays a measure word.
    one("夜间气温下降5度,群众", "5度", "5", Some(Unit::Count));
    // Below zero the number is no +5 (40ceda4): no answer.
    assert!(all("最低气温零下5度,群众").is_empty());
    one("坡度25度以上的耕地", "25度以上", "25", Some(Unit::Count));
}

#[test]
fn kilometres() {
    let km = Some(Unit::Km);
    one("新修通村公路12千米", "12千米", "12", km);
    one("硬化道路3.5千米,", "3.5千米", "3.5", km);
    one("修建水渠两千米", "两千米", "2", km);
    one("新建公路635公里", "635公里", "635", km);
    // 千 completing the number is part of it: 3万5千米 is 35000 米, not 35000 km.
    let got = all("铺设管网3万5千米");
    assert_eq!(got[0].1, "35000");
    assert_ne!(got[0].3, km);
}

#[test]
fn dashes_between_amounts_are_ranges() {
    let r = |text: &str, lo: &str, hi: &str| {
        let got = all(text);
        assert_eq!(got.len(), 1, "{text:?}: {got:?}");
        assert_eq!(
            (got[0].1.as_str(), got[0].2.as_deref()),
            (lo, Some(hi)),
            "{text:?}"
        );
    };
    r("每户补助3–5万元。", "30000", "50000"); // en dash
    r("每户补助3—5万元。", "30000", "50000"); // em dash
    r("每户补助3――5万元。", "30000", "50000"); // horizontal bars
    r("每村安排2～4人。", "2", "4"); // full-width tilde
    r("每户养殖1〜2头。", "1", "2"); // wave dash
    r("人均增收800–1200元", "800", "1200");
    r("贷款额度5万元—10万元", "50000", "100000");
}

#[test]
fn a_dash_is_no_minus_at_a_line_start_or_after_an_amount() {
    let v = |text: &str| -> Vec<String> { all(text).into_iter().map(|x| x.1).collect() };
    assert_eq!(v("-320户已脱贫"), ["320"]);
    assert_eq!(
        v("脱贫情况:\n-320户已脱贫\n-1058人稳定增收"),
        ["320", "1058"]
    );
    assert_eq!(v("  -45户实现稳定增收"), ["45"]);
    assert_eq!(v("\u{3000}-12个村出列"), ["12"]);
    assert_eq!(v("— 210户实现稳定增收"), ["210"]);
    assert_eq!(v("情况如下\r\n-76户纳入监测\r\n"), ["76"]);
    // Between two amounts of different units: two amounts, both positive.
    assert_eq!(v("全县3户-5人"), ["3", "5"]);
    assert_eq!(v("补助1000元-2人"), ["1000", "2"]);
    // A true minus sign stays one.
    assert_eq!(v("增长率为-3.2%"), ["-3.2"]);
    assert_eq!(v("同比增长负2.1%"), ["-2.1"]);
    assert_eq!(v("负5.6%的增幅"), ["-5.6"]);
}

#[test]
fn damaged_figures_are_never_clean() {
    for text in [
        "脱贫1.2?万人",
        "投入资金3?亿元",
        "贫困人口?.8萬人",
        "下拨4\u{FFFD}6万元",
        "建成5?个村级光伏电站",
        "减少2\u{FFFD}万户",
        "资金3.?亿元",
        "共?12户",
    ] {
        let got = all(text);
        assert!(got.is_empty(), "{text:?}: {got:?}");
        // Flagged when asked for, never clean.
        let flagged: Vec<_> = quantities(text).include_damaged(true).collect();
        assert!(flagged.iter().all(|q| q.damaged), "{text:?}: {flagged:?}");
    }
    // A ? that ends a sentence is no damage to the figure before it.
    texts("能否完成300户?", &["300户"]);
}

/// Each set phrase of the lexicon, in a sentence of its own: no quantity from its
/// numerals (figures elsewhere in the sentence are still found).
#[test]
fn set_phrases_hold_no_quantities() {
    let cases: &[(&str, &[&str])] = &[
        ("全面实现两不愁三保障目标,脱贫1200户", &["1200户"]),
        ("对标一达标两不愁三保障要求", &[]),
        ("稳定实现两不愁。", &[]),
        ("三保障突出问题全部解决", &[]),
        ("扎实推进五个一批工程", &[]),
        ("坚持六个精准要求", &[]),
        ("实行一户一策精准帮扶3600户", &["3600户"]),
        ("建立一户一档台账", &[]),
        ("大力发展一村一品产业", &[]),
        ("制定一村一策方案", &[]),
        ("推进一乡一业建设", &[]),
        ("培育一县一业主导产业", &[]),
        ("完善一事一议制度", &[]),
        ("开展一对一帮扶", &[]),
        ("实行一票否决", &[]),
        ("党政一把手负总责", &[]),
        ("出台一揽子政策", &[]),
        ("提供一站式服务", &[]),
        ("聚焦三区三州深度贫困地区", &[]),
        ("县四套班子成员带头", &[]),
        ("村两委换届后", &[]),
        ("两委干部共28名", &["28名"]),
        ("落实三会一课制度", &[]),
        ("推行四议两公开", &[]),
        ("深入开展两学一做", &[]),
        ("践行三严三实", &[]),
        ("统筹推进五位一体总体布局", &[]),
        ("协调推进四个全面战略布局", &[]),
        ("融入一带一路建设", &[]),
        ("深化农村三变改革", &[]),
        ("落实三权分置", &[]),
        ("培训两后生480人", &["480人"]),
        ("关爱三留守人员", &[]),
        ("建设四好农村路", &[]),
        ("压实五级书记抓扶贫责任", &[]),
        ("严格落实四个不摘要求,监测户215户", &["215户"]),
        ("实现两个确保目标", &[]),
        ("十一五时期", &[]),
        ("十二五末全县贫困人口4600人", &["4600人"]),
        ("十三五期间共投入9亿元", &["9亿元"]),
        ("十四五开局之年", &[]),
        ("编制十五五规划", &[]),
        ("全镇三类对象动态清零", &[]),
        ("核查三类监测对象27户90人", &["27户", "90人"]),
        ("对三类户落实帮扶措施", &[]),
        ("因户施策落实七个一批", &[]),
        ("分类实施四个一批", &[]),
        ("统筹推进六个一批", &[]),
        ("过渡期内四个不减", &[]),
        ("稳定实现一超过两不愁三保障,脱贫1900人", &["1900人"]),
        ("实施产业振兴三年行动", &[]),
        ("赴十八洞村学习,考察十八洞经验", &[]),
        ("十一黄金周接待游客3.2万人次", &["3.2万人次"]),
        ("十一长假期间", &[]),
        ("十一国庆前完成", &[]),
        ("严格落实四个不摘要求,监测户312户", &["312户"]),
        ("统筹推进五个振兴", &[]),
        ("增强四个意识", &[]),
        ("坚定四个自信", &[]),
        ("做到两个维护", &[]),
        ("深刻领悟两个确立的决定性意义", &[]),
        ("实现两个一百年奋斗目标", &[]),
        ("搬迁安置三部曲", &[]),
        ("政策惠及千家万户", &[]),
        ("千方百计增加农民收入", &[]),
        ("历经千辛万苦", &[]),
        ("跨越千山万水", &[]),
        ("千言万语汇成一句话", &[]),
        ("全县上下万众一心", &[]),
        ("一心一意为群众办实事", &[]),
        ("帮扶政策不是一成不变的", &[]),
        ("干部三天两头往村里跑", &[]),
        ("从不三心二意", &[]),
        ("来自五湖四海的志愿者", &[]),
        ("四面八方的支援", &[]),
        ("心里七上八下", &[]),
        ("没有十全十美的办法", &[]),
        ("一举两得的好事", &[]),
        ("爱护一草一木", &[]),
        ("一砖一瓦都是汗水", &[]),
        ("一针一线缝制", &[]),
        ("一五一十讲清楚", &[]),
        ("只是九牛一毛", &[]),
        ("百尺竿头更进一步", &[]),
        ("文艺百花齐放", &[]),
        ("确保万无一失", &[]),
        ("独一无二的资源", &[]),
        ("全乡唯一一个贫困村", &[]),
        ("统一规划建设", &[]),
        ("以防万一", &[]),
    ];
    for &(text, want) in cases {
        texts(text, want);
    }
    // (Every entry of the list is tried in a sentence of its own by the unit test
    // `every_set_phrase_holds_no_quantity` beside it.)
    // The same numerals outside the phrases still count.
    texts(
        "新建四个安置点,帮扶两个村,七个乡镇,三部车,五个合作社",
        &["四个", "两个", "七个", "三部", "五个"],
    );
    // Eleven of a count stays.
    texts("新建十一个卫生室", &["十一个"]);
    // A plan's three years are a name; three years of work stay a count.
    texts("连续帮扶3年,行动迅速", &["3年"]);
    texts("新建四个一体化服务站", &["四个"]);
    // 三个代表 is left out of the list: 三个代表队 (three teams) is a count.
    texts("开展三个代表队比赛", &["三个"]);
}

/// The same numerals outside the phrases are still figures.
#[test]
fn the_same_numerals_outside_set_phrases() {
    texts("两户三人纳入监测", &["两户", "三人"]);
    texts("新建五个村级站点", &["五个"]);
    texts("全村三百户", &["三百户"]);
    texts("帮扶一千户两万人", &["一千户", "两万人"]);
    texts("投入三万元", &["三万元"]);
    texts("连续三天走访两户", &["三天", "两户"]);
    texts("唯有36户未脱贫", &["36户"]);
    texts("一成以上", &["一成以上"]);
    texts("四套房屋", &["四套"]);
    texts("培育三类主导产业", &["三类"]);
}

#[test]
fn place_names_hold_no_quantities() {
    for (text, want) in [
        ("三门峡市投入资金2亿元", &["2亿元"][..]),
        ("三門峽市脫貧3000人", &["3000人"]),
        ("七台河市", &[]),
        ("六盘水市实现脱贫", &[]),
        ("十堰市郧阳区", &[]),
        ("百色市田阳区减贫5600户", &["5600户"]),
        ("甘肃省两当县", &[]),
        ("重庆市万州区", &[]),
        ("九江市修水县", &[]),
        ("四川省三台县", &[]),
        ("山西省五台县", &[]),
        ("贵州省六枝特区", &[]),
        ("内蒙古四子王旗", &[]),
        ("九寨沟县", &[]),
        ("海南省五指山市", &[]),
        ("三都水族自治县", &[]),
    ] {
        texts(text, want);
    }
    // The bare forms that are also words or counts are figures without their suffix.
    texts("购置三台挖掘机", &["三台"]);
    texts("新建五河堤坝", &[]);
}

#[test]
fn time_words_are_not_quantities() {
    for text in [
        "2017 年末全县",
        "2013 年的贫困发生率",
        "2020\u{3000}年底",
        "19年底全县脱贫",
        "20年初开展排查",
        "21年度考核",
        "18年,全县新建",
        "22年全市投入",
        "截至20年我县",
        "工作总结:21年上半年",
        "19年12月",
        "三季度新增就业",
        "一季度完成投资",
        "第四季度",
        "前三季度",
        "1-6月新增",
        "1至6月累计",
        "7—9月",
        "2019年1月至2020年6月",
        "16-60周岁劳动力",
        "60周岁以上老人",
        "70岁以上",
        "党的十九届四中全会",
        "第三次会议",
        "成立70周年",
        "建党一百周年",
    ] {
        let got = all(text);
        assert!(got.is_empty(), "{text:?}: {got:?}");
    }
    // Lengths of time stay counts; figures beside the time words are found.
    texts("老党员工作了20年", &["20年"]);
    // A two-digit year opens a clause; after a verb or 连续 it is a length of time.
    texts("17年全县新修道路86公里", &["86公里"]);
    texts("连续15年全县保持增长", &["15年"]);
    texts("坚持了12年,全村面貌一新", &["12年"]);
    assert_eq!(
        fupin::times("23年,全镇脱贫户人均纯收入")
            .map(|t| t.year)
            .collect::<Vec<_>>(),
        [Some(2023)]
    );
    texts("三季度新增就业500人", &["500人"]);
    texts("16-60周岁劳动力1200人", &["1200人"]);
    texts("2017 年末贫困人口3412人", &["3412人"]);
    // Ranges of years spaced as typeset pages space them are ranges of years, never a
    // count of 2016 to 2019 years; spaced figures that are no years stay counts.
    for text in [
        "2018—2020 年全乡投入",
        "2015 至 2018 年",
        "2013 - 2017 年,全镇",
        "2016 -2019年",
        "2014到 2016 年间",
        "2012–2015\u{3000}年",
    ] {
        let got = all(text);
        assert!(got.is_empty(), "{text:?}: {got:?}");
    }
    texts("2014 至 2018 年全镇减贫4200人", &["4200人"]);
    // Stretches of time up to now, points in time, grades and centuries written with
    // Arabic digits, as with Chinese ones (五年来).
    for text in [
        "40年来,全市农村面貌巨变",
        "近15年来",
        "25年前全村通电",
        "计划2年内完成",
        "3年级",
        "步入21世纪",
    ] {
        let got = all(text);
        assert!(got.is_empty(), "{text:?}: {got:?}");
    }
    texts("近8年来累计投入2.4亿元,6年级学生85名", &["2.4亿元", "85名"]);
    texts("坚持了12年,帮扶3年", &["12年", "3年"]);
    texts("帮扶期限3 至 5 年", &["3 至 5 年"]);
    texts("单价1998 - 2000 元", &["1998 - 2000 元"]);
    let t: Vec<_> = fupin::times("2015 至 2018 年,2019—2021 年").collect();
    assert_eq!(
        t.iter().map(|t| (t.year, t.end_year)).collect::<Vec<_>>(),
        [(Some(2015), Some(2018)), (Some(2019), Some(2021))]
    );
    let t: Vec<_> = fupin::times("2017 年末,19年底").collect();
    assert_eq!(
        t.iter().map(|t| (t.year, t.part)).collect::<Vec<_>>(),
        [(Some(2017), Some('末')), (Some(2019), Some('底'))]
    );
}

#[test]
fn dates_with_points_or_as_eight_digits_are_no_amounts() {
    for text in [
        "截至2020.11,全镇",
        "实施周期2019.3-2020.12",
        "统计时间:2022.06",
        "(2018.9)",
    ] {
        let got = all(text);
        assert!(got.is_empty(), "{text:?}: {got:?}");
    }
    texts("截至2021.8,全县累计脱贫2.3万人", &["2.3万人"]);
    // A date written as eight digits under a notice.
    texts("县财政局 县乡村振兴局\n20220315\n", &[]);
    texts("发文日期:20181130", &[]);
    // Eight digits that are no date stay: a month 13, a day 45, a count with its unit.
    texts("总数20181345", &["20181345"]);
    texts("累计20190145", &["20190145"]);
    texts("发放20180315元", &["20180315元"]);
    // With a unit, or decimals that are no month, the figure stays.
    texts("人均增收2019.5元", &["2019.5元"]);
    texts("指数为2010.35", &["2010.35"]);
    texts("产量1998.13", &["1998.13"]);
}

#[test]
fn two_years_with_no_unit_are_a_span_not_an_amount() {
    // The 年 dropped, or carried to the next line of a page that is not wrapped.
    texts("全镇2016-2019共减贫5800人", &["5800人"]);
    texts("版权所有 © 2011-2024 某县人民政府网站", &[]);
    texts("各乡镇 2014—2018\n年贫困发生率", &[]);
    texts("2017~2020,年均增长", &[]);
    // Amounts that only look like years keep their reading: a unit, an order that is
    // no span, figures outside the years, a multiplier.
    texts("每户补助1950-2050元", &["1950-2050元"]);
    texts("海拔1200-1800", &["1200-1800"]);
    texts("投入1900-2000万元", &["1900-2000万元"]);
}

#[test]
fn figure_and_table_numbers_are_no_amounts() {
    for text in [
        "图 2 2014-2018 年全市农村贫困人口变化",
        "图5 各乡镇贫困发生率",
        "表 3 2020年各村出列情况",
        "详见附表6。",
        "(见图4)",
    ] {
        let got = all(text);
        assert!(got.is_empty(), "{text:?}: {got:?}");
    }
    texts("如图3所示,全乡减贫960人。", &["960人"]);
    texts("由表2可知,易地搬迁410户", &["410户"]);
    // Counts of people, reports or maps after words that end in 表 or 图 stay.
    texts("当选县人大代表12名", &["12名"]);
    texts("上报统计报表3份,绘制地图5张", &["3份", "5张"]);
    texts("新建学校2所,示范村1个", &["2所", "1个"]);
}

#[test]
fn item_markers_and_cut_decimals_are_no_amounts() {
    texts("(1. 西南大学 经济管理学院;2. 重庆工商大学 财政学院)", &[]);
    texts("(1．甘肃农业大学;2．兰州财经大学)", &[]);
    // A figure in brackets, or one with a decimal point, stays.
    texts(
        "(其中省级资金1.5万元;2.6万元为县级配套)",
        &["1.5万元", "2.6万元"],
    );
    // A decimal cut short where a page's snippet ends is no figure (7.x is not 7).
    texts("全镇农民人均收入同比增长9. 来源:县政府网", &[]);
    texts("村集体增收4. 新华网\n合作社分红12万元", &["12万元"]);
    texts("贫困发生率降至2.", &[]);
}

#[test]
fn a_decimal_split_after_its_point_gives_no_fragment() {
    // Copied from PDFs: a blank after the point. 6. 4万 is not 64000, 0. 9% is not 9%.
    texts("全市6. 4万个贫困户全部脱贫", &[]);
    texts("贫困发生率下降为0. 9%,减少1.2万人", &["1.2万人"]);
    texts("投入资金3. 75亿元,新建校舍", &[]);
    // Blanks before the point, or on both sides of it.
    texts("全乡减少贫困人口2 .6万人", &[]);
    texts("贫困发生率降至4 .1%,减贫860户", &["860户"]);
    texts("整合资金15 . 3亿元", &[]);
    // A point that ends a sentence, then a figure: both stay where blanks are no part of it.
    texts("贫困户总数为312户. 脱贫1200人", &["312户", "1200人"]);
    // A line break after the point, in a page whose lines end at sentences.
    texts("农民人均收入增长8.\n7%,高于全省", &[]);
    // After an item marker the number is the item's own.
    texts("1. 3个贫困村出列\n2. 560户脱贫", &["3个", "560户"]);
    texts("1.\n3个贫困村出列", &["3个"]);
    texts("(1. 12个村;2. 8个村)", &["12个", "8个"]);
    texts("主要成效: 1. 40户搬迁", &["40户"]);
}

#[test]
fn over_words_the_reader_did_not_take_leave_no_exact_figure() {
    // 余 or 多 before a word that is no unit: not "exactly 40".
    for text in [
        "驻村40余载",
        "农家书屋藏书6000多册",
        "返乡青年多为20多岁",
        "帮扶2万多留守儿童",
    ] {
        let got = all(text);
        assert!(got.is_empty(), "{text:?}: {got:?}");
    }
    // Where the reader takes them, the figure is over, with its unit or noun, or bare.
    texts(
        "结对1.2万余建档立卡贫困户,培训800多名群众,其余50余。",
        &["1.2万余", "800多名", "50余"],
    );
    assert_eq!(all("其余50余。")[0].4, Approx::Over);
}

#[test]
fn telephone_numbers_postcodes_and_accounts_are_no_amounts() {
    for text in [
        "咨询电话:13900001111",
        "扶贫监督举报电话12317",
        "服务热线 96128",
        "邮编:741000",
        "邮政编码 730900",
        "传真:88123456",
        "项目编号2022008",
        "QQ群:345678123",
        "详见art_2022_86501.html",
    ] {
        let got = all(text);
        assert!(got.is_empty(), "{text:?}: {got:?}");
    }
    // A hotline named after its number.
    texts("群众可拨打12345热线反映", &[]);
    texts("开通12317扶贫监督举报电话", &[]);
    // Counts after the same words, with their measure words, stay.
    texts("为贫困户安装电话320部,开通热线3条", &["320部", "3条"]);
    texts("联系电话:0931-1234567,帮扶贫困户56户", &["56户"]);
    texts(
        "为1200户安装电话,全县3200贫困户开通热线",
        &["1200户", "3200"],
    );
}

#[test]
fn road_numbers_and_star_grades_are_no_amounts() {
    texts("沿212国道布局安置点,改造309省道18公里", &["18公里"]);
    texts("评定3星级乡村旅游点4家", &["4家"]);
    texts("县道 X065 与 105 国道相接", &[]);
    // Counts of roads stay.
    texts("新建国道2条", &["2条"]);
}

#[test]
fn double_digit_growth_is_no_count_of_persons() {
    // 两位数: a number of two digits, no two persons.
    texts("脱贫户人均纯收入连续保持两位数增长", &[]);
    texts("增速达到3位数", &[]);
    // Persons counted with 位 stay.
    texts("走访慰问12位老党员,两位第一书记", &["12位", "两位"]);
}

#[test]
fn a_multiplier_set_apart_leaves_no_fragment() {
    // Typeset with a blank between every part: 4 千 人 is not 4.
    texts("全镇贫困人口由 1.6 万 人减少到 4 千 人", &["1.6 万 人"]);
    texts("惠及 2 萬 3 千 戶", &[]);
    texts("每户补助 6 百 元", &[]);
    // A figure after a year and a blank, and a multiplier read with its number, stay.
    texts("2019 300人", &["2019", "300人"]);
    texts("2019 3万人", &["2019", "3万人"]);
    texts("投入 2.5 亿 元", &["2.5 亿 元"]);
}

#[test]
fn percentage_points_typeset_with_blanks() {
    let got = all("贫困发生率下降 2.3 个 百分点,比上年低0.4个　百分点");
    assert_eq!(
        got.iter()
            .map(|q| (q.0.as_str(), q.1.as_str(), q.3))
            .collect::<Vec<_>>(),
        [
            ("2.3 个 百分点", "2.3", Some(Unit::PercentagePoint)),
            ("0.4个　百分点", "0.4", Some(Unit::PercentagePoint)),
        ]
    );
    // A fraction of 个 whose 百分点 is on the next line or dropped is no count.
    texts("全县贫困发生率下降1.6个\n百分点", &[]);
    texts("提高了0.5个", &[]);
    // Whole counts of 个 stay, and so does 个 with a multiplier.
    texts("新建 3 个 百姓大舞台,1.2万个", &["3 个", "1.2万个"]);
}

#[test]
fn page_numbers_are_no_amounts() {
    for text in [
        "全乡减贫860人。\n- 7 -\n",
        "— 14 —",
        "－9－",
        "第 3 页 共 18 页",
        "(第12页)",
    ] {
        let got: Vec<_> = all(text).into_iter().filter(|q| q.0 != "860人").collect();
        assert!(got.is_empty(), "{text:?}: {got:?}");
    }
    // A range and a figure between dashes inside a sentence stay.
    texts("每户补助3 - 5万元", &["3 - 5万元"]);
    texts("全年——共计1200户——全部脱贫", &["1200户"]);
    texts("第 2 批资金到位", &[]);
}

#[test]
fn digits_before_xing_name_a_model() {
    texts("合作社购置1404型拖拉机3台、120型旋耕机2台", &["3台", "2台"]);
    texts("引进2ZS-6型插秧机5台", &["5台"]);
    texts("配备 854 型轮式拖拉机", &[]);
    // A count of models, or a number before a word that only starts with 型, stays.
    texts("推广3种型号的烘干机", &["3种"]);
    texts("新建大型养殖场2个", &["2个"]);
}

/// (text, value, classifier) of each quantity.
fn measures(text: &str) -> Vec<(String, String, Option<String>)> {
    quantities(text)
        .map(|q| {
            (
                q.text.into_owned(),
                q.value.to_string(),
                q.classifier.map(|c| c.into_owned()),
            )
        })
        .collect()
}

#[test]
fn birds_fish_draught_animals_and_pairs_are_counted() {
    let c = |t: &str, v: &str, k: &str| (t.to_owned(), v.to_owned(), Some(k.to_owned()));
    assert_eq!(
        measures("合作社存栏肉鸽8.5万羽,新增鸭苗3000羽。"),
        [c("8.5万羽", "85000", "羽"), c("3000羽", "3000", "羽")]
    );
    assert_eq!(
        measures("向库区投放草鱼苗15万尾、鲢鱼苗6000余尾"),
        [c("15万尾", "150000", "尾"), c("6000余尾", "6000", "尾")]
    );
    assert_eq!(measures("扶持养殖户购入骡马42匹"), [c("42匹", "42", "匹")]);
    // Rainfall, lengths, volumes and temperatures of a county's profile.
    assert_eq!(
        measures("年均降水量380毫米,新建水窖容积260立方,年均气温7.2摄氏度,覆膜宽120厘米"),
        [
            c("380毫米", "380", "毫米"),
            c("260立方", "260", "立方"),
            c("7.2摄氏度", "7.2", "摄氏度"),
            c("120厘米", "120", "厘米"),
        ]
    );
    assert_eq!(
        measures("搬迁户人均住房面积不超过25平米,新建车间1200平米"),
        [
            c("不超过25平米", "25", "平米"),
            c("1200平米", "1200", "平米")
        ]
    );
    assert_eq!(
        measures("新建温室3600m²,蓄水池200m³,辖区15km²,厂房800m2"),
        [
            c("3600m²", "3600", "m²"),
            c("200m³", "200", "m³"),
            ("15km²".to_owned(), "15".to_owned(), None),
            c("800m2", "800", "m2")
        ]
    );
    // Letters glued on that are no unit keep the number out.
    assert_eq!(measures("建成5G基站"), []);
    assert_eq!(
        measures("日供水1.2万立方米"),
        [c("1.2万立方米", "12000", "立方米")]
    );
    // Voltages and transformer capacities: 110千伏 is never 110000.
    assert_eq!(
        measures("新建110千伏变电站1座,改造10千伏线路46公里,新增配变容量8000千伏安,35kV线路"),
        [
            c("110千伏", "110", "千伏"),
            c("1座", "1", "座"),
            c("10千伏", "10", "千伏"),
            ("46公里".to_owned(), "46".to_owned(), None),
            c("8000千伏安", "8000", "千伏安"),
            c("35kV", "35", "kV"),
        ]
    );
    // Below zero is no positive temperature: no answer (never +18).
    assert_eq!(measures("极端最低气温零下18℃,冬季零下5至10℃"), []);
    assert_eq!(
        measures("年平均气温 13.6 ℃,极端最低气温-9°C"),
        [c("13.6 ℃", "13.6", "°C"), c("-9°C", "-9", "°C")]
    );
    assert_eq!(
        measures("车间日产布鞋1200双,发放劳保手套5000多双"),
        [c("1200双", "1200", "双"), c("5000多双", "5000", "双")]
    );
    // Traditional pages: 雙 reads as 双.
    assert_eq!(measures("每人每天縫製18雙手套"), [c("18雙", "18", "双")]);
    // Words that start with the same characters are no measure words: the number stays bare.
    for (text, want) in [
        ("收购3万羽毛", "3万"),
        ("支付2万尾款", "2万"),
        ("实现1000双向互动", "1000"),
        ("共4匹配方案", "4"),
        ("引进12匹狼公司", "12"),
    ] {
        let got = measures(text);
        assert_eq!(got.len(), 1, "{text:?}: {got:?}");
        assert_eq!(
            (got[0].0.as_str(), got[0].2.as_deref()),
            (want, None),
            "{text:?}"
        );
    }
}

/// (value, unit, noun) of each quantity.
fn units(text: &str) -> Vec<(String, Option<Unit>, Option<String>)> {
    quantities(text)
        .map(|q| (q.value.to_string(), q.unit, q.noun.map(|n| n.into_owned())))
        .collect()
}

#[test]
fn implied_units_in_clauses_about_people() {
    let p = Some(Unit::Person);
    let h = Some(Unit::Household);
    let n = |s: &str| Some(s.to_owned());
    assert_eq!(
        units("全县贫困人口由45.6万减少到12.4万。"),
        [
            ("456000".into(), p, n("贫困人口")),
            ("124000".into(), p, n("贫困人口"))
        ]
    );
    assert_eq!(units("全縣總人口達45萬"), [("450000".into(), p, n("人口"))]);
    // 建卡 is the short form of 建档立卡; migrant workers are people.
    assert_eq!(
        units("今年全区将搬迁6.4万建卡贫困人口"),
        [("64000".into(), p, n("建卡贫困人口"))]
    );
    assert_eq!(
        units("帮扶1.3萬建卡貧困戶發展產業"),
        [("13000".into(), h, n("建卡贫困户"))]
    );
    // A measure word that starts a noun of people or households (村民, 家庭, 乡亲) is no
    // measure word there: 300村民 are persons, not villages.
    assert_eq!(
        units("合作社吸纳260村民务工,带动900余家庭增收,惠及2000乡亲"),
        [
            ("260".into(), p, n("村民")),
            ("900".into(), h, n("家庭")),
            ("2000".into(), p, n("乡亲"))
        ]
    );
    assert_eq!(
        units("覆盖12村,入驻8家企业,辖5乡"),
        [
            ("12".into(), Some(Unit::Count), None),
            ("8".into(), Some(Unit::Count), n("企业")),
            ("5".into(), Some(Unit::Count), None)
        ]
    );
    assert_eq!(
        units("帮助780万易地搬迁脱贫群众稳定就业"),
        [("7800000".into(), p, n("易地搬迁脱贫群众"))]
    );
    assert_eq!(
        units("全省脱贫群众达到312.5万"),
        [("3125000".into(), p, n("脱贫群众"))]
    );
    assert_eq!(
        units("春节后约25万外出务工人员返岗"),
        [("250000".into(), p, n("外出务工人员"))]
    );
    assert_eq!(
        units("全镇外出务工人员达2.6万,务工人员工资收入1.5亿"),
        [
            ("26000".into(), p, n("外出务工人员")),
            ("150000000".into(), None, None)
        ]
    );
    assert_eq!(
        units("其中3.2萬來自貧困家庭的勞動力"),
        [("32000".into(), p, n("劳动力"))]
    );
    assert_eq!(
        units("48萬貧困人口已累計脫貧41.6萬"),
        [
            ("480000".into(), p, n("贫困人口")),
            ("416000".into(), p, n("贫困人口"))
        ]
    );
    assert_eq!(
        units("年末贫困户减少到1.3万"),
        [("13000".into(), h, n("贫困户"))]
    );
    assert_eq!(
        units("农村劳动力转移就业达2.6亿"),
        [("260000000".into(), p, n("劳动力"))]
    );
    // No unit where the clause speaks of money, income, land or rates, or where a
    // clause break stands between the noun and the number.
    for text in [
        "贫困人口人均收入由0.8万提高到1.2万",
        "为贫困户投入资金3.5万",
        "贫困人口较多,全年新增12万",
        "贫困户户均增收1.1万",
        "贫困人口所在村耕地面积3.2万",
        "当年新增12万",
        "贫困人口发生率下降1.2万",
        "建档立卡贫困户贷款余额2.3亿",
    ] {
        let got = units(text);
        assert!(got.iter().all(|q| q.1.is_none()), "{text:?}: {got:?}");
    }
    // Only 万 and 亿 numbers: a plain figure stays bare.
    assert_eq!(units("贫困人口减少到124")[0].1, None);
}

/// `text` broken into lines of at most `width` columns (a CJK character two, ASCII one),
/// as a PDF copy breaks them: anywhere, inside numbers too.
fn hard_wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut w = 0;
    for c in text.chars() {
        let cw = if c.is_ascii() { 1 } else { 2 };
        if w + cw > width {
            lines.push(String::new());
            w = 0;
        }
        if let Some(l) = lines.last_mut() {
            l.push(c);
        }
        w += cw;
    }
    lines
}

const REPORT: &str = "过去五年,全县上下坚持以脱贫攻坚统揽经济社会发展全局,累计投入各类扶贫资金126亿元,\
建档立卡贫困人口由2014年底的2.3万人减至3412人,贫困发生率由18.6%下降到0.9%,23个贫困村全部出列。\
新建村级光伏电站47座,装机容量达1.2万千瓦,年发电量约3000万千瓦时,村集体经济收入全部超过5万元。\
全县农村居民人均可支配收入达到11260元,年均增长10.3%。易地扶贫搬迁安置点建设全部完成,\
搬迁群众1.6万人,完成投资4.7亿元,配套建设扶贫车间35个,带动就业2860人。";

/// The values of [`REPORT`], as found in it unwrapped.
fn report_values() -> Vec<String> {
    all(REPORT).into_iter().map(|x| x.1).collect()
}

#[test]
fn hard_wrapped_lines_join_numbers_across_breaks() {
    let want = report_values();
    assert_eq!(want.len(), 17, "{want:?}");
    for width in 30..=80 {
        let lines = hard_wrap(REPORT, width);
        for (name, text) in [
            ("LF", lines.join("\n")),
            ("CRLF", lines.join("\r\n") + "\r\n"),
            // A full-width indent at the paragraph's start, blanks at line ends.
            ("indent", format!("\u{3000}\u{3000}{}", lines.join(" \n"))),
        ] {
            let got = all(&text);
            let values: Vec<String> = got.iter().map(|x| x.1.clone()).collect();
            assert_eq!(values, want, "width {width} {name}:\n{text}");
        }
    }
}

#[test]
fn a_span_runs_over_the_break() {
    // Our own wrapped paragraph, about 45 columns a line.
    let text = "全县坚持精准扶贫精准脱贫基本方略,贫困人口减至3\n\
                412人,贫困发生率下降到0.9%,全年投入资金4.7亿\n\
                元,完成村级道路硬化工程,实现行政村通硬化路23\n\
                个贫困村全部出列,累计投入财政专项扶贫资金共12\n\
                6亿元,全县上下齐心协力,攻坚克难,成效十分显著,\n\
                群众满意度持续提高,为全面建成小康社会打下基础";
    let qs: Vec<_> = quantities(text).collect();
    let spans: Vec<&str> = qs.iter().map(|q| &text[q.span.range()]).collect();
    assert_eq!(
        spans,
        ["3\n412人", "0.9%", "4.7亿\n元", "23\n个", "12\n6亿元"]
    );
    let values: Vec<String> = qs.iter().map(|q| q.value.to_string()).collect();
    assert_eq!(values, ["3412", "0.9", "470000000", "23", "12600000000"]);
    assert_eq!(qs[1 + 2].noun.as_deref(), Some("贫困村"));
    assert_eq!(qs[0].unit, Some(Unit::Person));
}

#[test]
fn page_number_lines_between_wrapped_lines() {
    let lines = hard_wrap(REPORT, 44);
    let want = report_values();
    for page in ["- 3 -", "— 12 —", "  7", "第 2 页"] {
        let mut text = String::new();
        for (i, l) in lines.iter().enumerate() {
            text.push_str(l);
            text.push('\n');
            if i % 3 == 2 {
                text.push_str(page);
                text.push('\n');
            }
        }
        // The page numbers may remain as bare numbers; the report's figures are all
        // there, whole.
        let figures: Vec<String> = all(&text)
            .into_iter()
            .filter(|x| !(x.3.is_none() && ["3", "12", "7", "2"].contains(&x.0.as_str())))
            .map(|x| x.1)
            .collect();
        assert_eq!(figures, want, "{page:?}:\n{text}");
    }
}

#[test]
fn lines_that_end_at_sentences_never_join() {
    // One figure a line.
    texts(
        "全县脱贫攻坚主要数据如下:\n建档立卡贫困户3\n412人实现稳定脱贫;\n\
         贫困村出列23\n个,全部达到退出标准;\n搬迁群众4\n300人全部入住新居。\n",
        &["3", "412人", "23", "个", "4", "300人"][..]
            .iter()
            .copied()
            .filter(|t| *t != "个")
            .collect::<Vec<_>>(),
    );
    // A table, one cell a line.
    texts(
        "2020年全县主要指标\n贫困人口(人)\n3412\n贫困户(户)\n1203\n贫困村(个)\n23\n",
        &["3412", "1203", "23"],
    );
    // Paragraphs, a paragraph a line: a number at the end of one and one at the start
    // of the next stay apart.
    texts(
        "全县贫困发生率降至0.9%,全年新增就业岗位共计1200\n\
         3个乡镇完成了全部整改任务,群众满意度达到98%。\n\
         全县共有贫困村45个,其中深度贫困村12个,均已出列。\n\
         全县扶贫车间吸纳就业360人,人均月增收1500元。\n\
         全县发放小额信贷2.3亿元,惠及贫困户5600户。\n",
        &[
            "0.9%",
            "1200",
            "3个",
            "98%",
            "45个",
            "12个",
            "360人",
            "1500元",
            "2.3亿元",
            "5600户",
        ],
    );
    // A short line (a paragraph's last) never joins the next, even in wrapped text.
    let mut text = hard_wrap(REPORT, 40).join("\n");
    text.push_str("\n全年新增25\n");
    text.push_str(&hard_wrap(REPORT, 40).join("\n"));
    let got: Vec<String> = all(&text).into_iter().map(|x| x.0).collect();
    assert!(got.contains(&"25".to_owned()), "{got:?}");
}

/// Found by the scanner-parser agreement property: the scanner never starts a number
/// inside a numeral run that it passed over.
#[test]
fn no_number_starts_inside_a_numeral_run() {
    // Digits after a Chinese numeral in a quotation are the rest of it.
    texts("“十0万”", &[]);
    // 余 before a multiplier that more numeral follows: not 0 余 ×10.
    let got = all("零余十一万人");
    assert!(got.iter().all(|x| x.1 != "0"), "{got:?}");
    // A set phrase with a numeral run on after it.
    texts("万一三%", &[]);
    // But a point-word 点 before digits is no numeral: 安置点14个.
    texts("建成集中安置点14个", &["14个"]);
    texts("培训两后生480人", &["480人"]);
    texts("1900余万元", &["1900余万元"]);
}

/// Classes of error found on real pages, in sentences of our own.
#[test]
fn codes_hours_congresses_and_inline_lists_are_not_quantities() {
    // Article numbers, ISSN-like codes, DOIs, classification codes.
    texts("〔文章编号〕1672-3015(2019)04-0112-05", &[]);
    texts("文章编号:2095-1175(2020)03-0021-03", &[]);
    texts("doi:10.1234/j.cnki.fp.2020.01.006", &[]);
    texts("中图分类号:F-8 文献标识码:A", &[]);
    texts("编号0032号文件", &[]);
    // A comma that groups no thousands (1,2345万元) leaves two fragments: neither is read;
    // thousands (1,234,567) and a list of small numbers (3,4户) stay as they are.
    texts("下拨资金1,2345万元", &[]);
    texts("搬迁群众12,3456人,安置点36个", &["36个"]);
    texts("全县人口1,234,567人", &["1,234,567人"]);
    texts("分别为3,4户", &["3", "4户"]);
    // Two neighbouring digits set apart by 、 are a vague count: no second figure alone.
    texts("每户安排两、三个公益岗位,共安排岗位260个", &["260个"]);
    texts("三、五户人家", &[]);
    // An amount before 级 names a class of size.
    texts("培育千亿元级产业集群,投入资金3亿元", &["3亿元"]);
    texts("建设十万亩级茶叶基地和5万千瓦级电站", &[]);
    texts("县乡村三级书记一起抓,选派干部120名", &["120名"]);
    // Numbers a label names as codes: telephones, post codes, accounts, identities.
    texts("扶贫办电话:6218345 邮编:735300", &[]);
    texts("监督举报热线 12317", &[]);
    texts("联系手机：15809312467,QQ:31405228", &[]);
    texts("项目编号:20210417", &[]);
    texts("身份证号 622301196507083312", &[]);
    // A number that only follows such a word is still an amount.
    texts("号召880名党员结对帮扶", &["880名"]);
    texts("阅读次数:2396", &["2396"]);
    // A ratio or a date with a slash: neither half is an amount (the second was read
    // as 3).
    texts("贫困人口减少1/3,受益农户2/5", &[]);
    texts("截至2020/11共脱贫1200人", &["1200人"]);
    texts("人均纯收入4500元/年", &["4500元/年"]);
    // Events named by their date with a middle dot.
    texts("经受住“8·10”洪灾考验,转移群众3200人", &["3200人"]);
    texts("“12·16”地震后重建住房860户", &["860户"]);
    // Hours and eras.
    texts("今天上午10时,会议开幕", &[]);
    texts("迈入“后2020时代”", &[]);
    texts("下午3时30分召开会议", &[]);
    // The party congresses and numbered sessions are ordinals.
    texts("党的十八大以来,全县脱贫3200人", &["3200人"]);
    texts("十九大报告提出", &[]);
    texts("十三届全国人大二次会议审议通过", &[]);
    texts("县十七届人大三次全体会议", &[]);
    // Journal issues and project phases are ordinals.
    texts("刊于《农村经济》2019年4期", &[]);
    texts("易地搬迁安置点二期工程已完工", &[]);
    texts("举办培训班6期,培训3000人次", &["6期", "3000人次"]);
    // But a count of meetings stays a count.
    texts("全年召开3次会议", &["3次"]);
    // An enumeration inside a line.
    texts("分为三部分:一、基本情况;二、主要做法;三、下一步打算", &[]);
    // Ordinals listed one after another: the second and third industries.
    texts(
        "一、二、三产业增加值分别增长4.1%、6.3%、7.9%",
        &["4.1%", "6.3%", "7.9%"],
    );
    texts("全镇第一、二、三产业协调发展", &[]);
    // Measure words of time and action take no noun after them.
    let q: Vec<_> = quantities("连续3年召开脱贫攻坚推进会,走访4次贫困户").collect();
    assert!(q.iter().all(|q| q.noun.is_none()), "{q:?}");
    // Provinces are counted.
    texts("东部9省对口帮扶", &["9省"]);
    // Arabic leading zeros after a point stay decimals.
    texts("增长0.05个百分点", &["0.05个百分点"]);
}

/// Figure-per-line text, as some PDF converters give it: a figure alone on its line
/// joins the unit at the start of the next, when its sentence goes on.
#[test]
fn a_figure_a_line_joins_its_unit() {
    let text = "全县坚持精准方略,脱贫攻坚取得决定性成果,\n23\n个贫困村全部出列,\n\
                16480\n人稳定脱贫,贫困发生率降至\n0.52%\n,困难群众\n2.1\n万余人纳入兜底保障,\n\
                医疗救助达\n12.6\n万人次。";
    let qs: Vec<_> = quantities(text).collect();
    let spans: Vec<&str> = qs.iter().map(|q| &text[q.span.range()]).collect();
    assert_eq!(
        spans,
        [
            "23\n个",
            "16480\n人",
            "0.52%",
            "2.1\n万余人",
            "12.6\n万人次"
        ]
    );
    let values: Vec<String> = qs.iter().map(|q| q.value.to_string()).collect();
    assert_eq!(values, ["23", "16480", "0.52", "21000", "126000"]);
    // A table: a heading line, then its figure; the next heading never joins.
    texts(
        "主要指标\n贫困村(个)\n23\n贫困人口(人)\n3412\n人均收入(元)\n9800\n户籍人口(人)\n41200\n",
        &["23", "3412", "9800", "41200"],
    );
    texts(
        "主要指标\n贫困人口\n3412\n人均收入\n9800\n户籍人口\n41200\n贫困户数\n1203\n",
        &["3412", "9800", "41200", "1203"],
    );
}

#[test]
fn kou_counts_people_but_not_wells() {
    one(
        "30964口脱贫人口全部参保",
        "30964口",
        "30964",
        Some(Unit::Person),
    );
    one("全家5口人", "5口", "5", Some(Unit::Person));
    one("建成水窖2059口,", "2059口", "2059", Some(Unit::Count));
    one("新打机井12口", "12口", "12", Some(Unit::Count));
    one("新修12口井", "12口", "12", Some(Unit::Count));
    one("全村共有人口1200口", "1200口", "1200", Some(Unit::Person));
}
