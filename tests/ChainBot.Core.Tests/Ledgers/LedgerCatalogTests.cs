using ChainBot.Core.Ledgers;

namespace ChainBot.Core.Tests.Ledgers;

/// <summary>Which ledger (台账) a chain feeds, from its title; the table and how settings extend it.</summary>
public class LedgerCatalogTests
{
    [TestCase("4月19日 15号楼 每周配药登记", "配药")]
    [TestCase("代配药接龙", "配药")]
    [TestCase("行动不便人员登记", "行动不便")]
    [TestCase("老弱病残摸排", "行动不便")]
    [TestCase("外出人员登记", "外出")]
    [TestCase("目前不在小区的请接龙", "外出")]
    [TestCase("燃气充值统一代办", "燃气充值")]
    [TestCase("煤气卡充值", "燃气充值")]
    public void A_title_names_its_ledger(string title, string ledger) =>
        Assert.That(LedgerCatalog.Default.Of(title)?.Name, Is.EqualTo(ledger));

    [TestCase("4月18日 天山三村 蔬菜套餐团购")]
    [TestCase("核酸志愿者报名")]
    [TestCase("")]
    [TestCase(null)]
    public void Other_titles_feed_no_ledger(string? title) => Assert.That(LedgerCatalog.Default.Of(title), Is.Null);

    [Test]
    public void Settings_add_a_ledger_and_words_to_one_there_is()
    {
        var catalog = LedgerCatalog.Default.With("核酸志愿者", "核酸志愿", "大白报名").With("配药", "开药");

        Assert.That(catalog.Of("核酸志愿者报名")?.Name, Is.EqualTo("核酸志愿者"));
        Assert.That(catalog.Of("大白报名接龙")?.Name, Is.EqualTo("核酸志愿者"));
        Assert.That(catalog.Of("统一开药")?.Name, Is.EqualTo("配药"));
        Assert.That(catalog.Definitions.Select(d => d.Name), Is.EqualTo(new[] { "配药", "行动不便", "外出", "燃气充值", "核酸志愿者" }));
        Assert.That(LedgerCatalog.Default.Of("统一开药"), Is.Null, "the default table is not changed");
    }

    [Test]
    public void Settings_come_as_names_with_their_words_and_a_blank_name_is_passed_over()
    {
        var settings = new Dictionary<string, List<string>> { ["核酸志愿者"] = ["大白报名"], [" "] = ["x"], ["外出"] = ["返乡"] };

        var catalog = LedgerCatalog.Default.With(settings);

        Assert.That(catalog.Of("大白报名")?.Name, Is.EqualTo("核酸志愿者"));
        Assert.That(catalog.Of("返乡登记")?.Name, Is.EqualTo("外出"));
        Assert.That(catalog.Definitions, Has.Length.EqualTo(5));
        Assert.That(LedgerCatalog.Default.With((Dictionary<string, List<string>>?)null), Is.SameAs(LedgerCatalog.Default));
    }

    [Test]
    public void The_longest_word_in_the_title_decides()
    {
        var catalog = LedgerCatalog.Default.With("外出配药", "外出人员配药");

        Assert.That(catalog.Of("外出人员配药登记")?.Name, Is.EqualTo("外出配药"));
    }

    [TestCase("配药", "配药")]
    [TestCase("外出人员", "外出")]
    [TestCase(" 燃气 ", "燃气充值")]
    public void A_ledger_is_found_by_its_name_or_a_word(string asked, string name) =>
        Assert.That(LedgerCatalog.Default.Find(asked)?.Name, Is.EqualTo(name));
}
