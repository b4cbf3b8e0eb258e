using ChainBot.Channels.Tests.Support;
using ChainBot.Channels.Xml;

namespace ChainBot.Channels.Tests.Xml;

public class FlatXmlTests
{
    [Test]
    public void Reads_text_and_cdata_children()
    {
        var xml = FlatXml.Parse("<xml><A><![CDATA[a]]></A><B>b</B><C><![CDATA[x]]]]><![CDATA[>y]]></C><D/><E></E></xml>");

        Assert.That(xml.IsSuccess, Is.True, xml.Reason);
        Assert.That(xml.Value!["A"], Is.EqualTo("a"));
        Assert.That(xml.Value["B"], Is.EqualTo("b"));
        Assert.That(xml.Value["C"], Is.EqualTo("x]]>y"));
        Assert.That(xml.Value["D"], Is.EqualTo(""));
        Assert.That(xml.Value["E"], Is.EqualTo(""));
        Assert.That(xml.Value["F"], Is.Null);
    }

    [Test]
    public void Nested_elements_are_skipped_and_the_first_of_a_name_wins()
    {
        var xml = FlatXml.Parse("<xml>\n <A>1<Inner><X>deep</X></Inner>2</A>\n <A>second</A><!-- c --><B> spaced </B></xml>");

        Assert.That(xml.Value!["A"], Is.EqualTo("12"));
        Assert.That(xml.Value["X"], Is.Null);
        Assert.That(xml.Value["B"], Is.EqualTo(" spaced "));
    }

    [Test]
    public void Newlines_in_cdata_are_kept_and_crlf_is_normalized_as_xml_requires()
    {
        var xml = FlatXml.Parse("<xml><Content><![CDATA[#接龙\n1. 王 1份\r\n2. 李]]></Content></xml>");
        Assert.That(xml.Value!["Content"], Is.EqualTo("#接龙\n1. 王 1份\n2. 李"));
    }

    [TestCaseSource(typeof(HostileXml), nameof(HostileXml.All))]
    public void A_dtd_is_refused(string body)
    {
        var xml = FlatXml.Parse(body);
        Assert.That(xml.Error, Is.EqualTo(ChannelError.DtdProhibited));
        Assert.That(xml.Reason, Does.Not.Contain("passwd"));
    }

    [TestCase("")]
    [TestCase("not xml")]
    [TestCase("<xml><A>1</A>")]
    [TestCase("<xml><A>1</B></xml>")]
    [TestCase("<xml/><xml/>")]
    [TestCase("<xml></xml>junk")]
    [TestCase("<xml><A>&undefined;</A></xml>")]
    public void Malformed_xml_is_a_value(string body)
    {
        var xml = FlatXml.Parse(body);
        Assert.That(xml.Error, Is.EqualTo(ChannelError.MalformedXml));
        Assert.That(xml.Reason, Does.StartWith("the XML is not well-formed"));
    }

    [Test]
    public void Bytes_that_are_not_utf8_are_a_value()
    {
        Assert.That(FlatXml.Parse([0x3C, 0x78, 0xFF, 0x3E]).Error, Is.EqualTo(ChannelError.BadEncoding));
    }

    [Test]
    public void A_utf8_bom_is_fine()
    {
        var xml = FlatXml.Parse([0xEF, 0xBB, 0xBF, .. Bytes.Utf8("<xml><A>中</A></xml>")]);
        Assert.That(xml.Value!["A"], Is.EqualTo("中"));
    }
}
