namespace ChainBot.Fuzz.Seeds;

/// <summary>
/// Seeds the samples folder does not hold: the message XML of wechat-protocol.md's vectors (§6), an intelligent
/// robot's callback JSON (§4), and the bot's commands.
/// </summary>
internal static class Builtin
{
    public static readonly string[] Texts =
    [
        "统计", "3号楼", "导出", "截止", "我的", "接受", "到货", "帮助", "@接龙助手 统计", "12-301 已取，感谢！",
        "15-502 李 改成3份", "12号301 取消", "代登记：\n12号 204 刘奶奶 1份\n7号 1102 刘 两份",
    ];

    public static readonly string[] Xml =
    [
        "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n"
            + "<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n"
            + "<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>",
        "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>"
            + "<CreateTime>1409735668</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[#接龙\n天山三村 蔬菜套餐团购\n68元/份\n\n1. 12号301 王阿姨 1份]]></Content>"
            + "<MsgId>6054768590064713728</MsgId></xml>",
        "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName><CreateTime>1</CreateTime>"
            + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event><ScanCodeInfo><ScanType>qrcode</ScanType></ScanCodeInfo></xml>",
        "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><Encrypt><![CDATA[RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5]]></Encrypt></xml>",
        "<xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>a &amp; b &lt;c&gt;</Content><MsgId>1</MsgId></xml>",
    ];

    public static readonly string[] Json =
    [
        "{\"msgid\":\"m-ai-1\",\"aibotid\":\"AIBOTID\",\"chatid\":\"CHATID\",\"chattype\":\"group\",\"from\":{\"userid\":\"zhangsan\"},"
            + "\"response_url\":\"http://127.0.0.1:1/unused\",\"msgtype\":\"text\",\"text\":{\"content\":\"@接龙助手 统计\"}}",
        "{\"msgid\":\"m-ai-2\",\"aibotid\":\"AIBOTID\",\"chattype\":\"single\",\"from\":{\"userid\":\"lisi\"},\"msgtype\":\"stream\",\"stream\":{\"id\":\"s1\"}}",
        "{\"encrypt\":\"RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo\"}",
        "{\"msgId\":\"m1\",\"groupId\":\"g1\",\"senderId\":\"u1\",\"senderName\":\"王阿姨\",\"time\":\"2022-04-18T09:30:00+08:00\",\"text\":\"15-502 李 2份\",\"mentioned\":false}",
    ];
}
