namespace ChainBot.Channels.Tests.Support;

/// <summary>The test vectors of wechat-protocol.md §6, copied verbatim.</summary>
internal static class Vectors
{
    // Key A (WeCom doc/samples).
    public const string KeyA = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public const string KeyAHex = "8d69989bbaabe67328014c194631ad0719b3dca035b64023df292447aab60760";
    public const string TokenA = "QDG6eK";
    public const string ReceiveIdA = "wx5823bf96d3bd56c7";

    public const string V1Timestamp = "1409659589";
    public const string V1Nonce = "263014780";
    public const string V1EchoStr = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
    public const string V1Signature = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
    public const string V1Reply = "1616140317555161061";
    public const string V1Random = "c41b64491c2468d0";

    public const string V2Timestamp = "1409659813";
    public const string V2Nonce = "1372623149";
    public const string V2Encrypt = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
    public const string V2Signature = "477715d11cdb4164915debcba66cb864d751f3e6";
    public const string V2Random = "0960688932c47ef1";
    public const string V2Message =
        "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n" +
        "<FromUserName><![CDATA[mycreate]]></FromUserName>\n" +
        "<CreateTime>1409659813</CreateTime>\n" +
        "<MsgType><![CDATA[text]]></MsgType>\n" +
        "<Content><![CDATA[hello]]></Content>\n" +
        "<MsgId>4561255354251345929</MsgId>\n" +
        "<AgentID>218</AgentID>\n" +
        "</xml>";

    // Key B (newer WeCom samples).
    public const string KeyB = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    public const string KeyBHex = "eaa91d32babaf274ca76ece72583b5037ed6da8120a64314be4b6d453a2a854b";
    public const string TokenB = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    public const string ReceiveIdB = "ww1436e0e65a779aee";

    public const string V3Timestamp = "1476416373";
    public const string V3Nonce = "47744683";
    public const string V3EchoStr = "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==";
    public const string V3Signature = "012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb";
    public const string V3Reply = "1288432023552776189";

    public const string V4Timestamp = "1476422779";
    public const string V4Nonce = "1597212914";
    public const string V4Encrypt = "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+";
    public const string V4Signature = "0c3914025cb4b4d68103f6bfc8db550f79dcf48e";
    public const string V4Message = "<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>";

    // V5 uses Key B, its token and receiveid (the callback_json sample).
    public const string V5Timestamp = "1409659813";
    public const string V5Nonce = "1372623149";
    public const string V5Encrypt = "cjhLUX7UU4yCSelv1vz7T0zT8huF51bAMVWriNvO1FMegHrQZNrtvRxbwf0fUPsFvwqR0U0fgiJNEA5Y30F2MoI2S7vv3EjVQ68C0cjw9frBoUE2Hj0BvFp9h3u6Vbsg4lc1C8AtHdaN8orKuNKkLRLuYEL52R1J3v8olJGZRLnRdVKIivixmX/eQpzgeExtp20jI1HxRP1AAZ6xZoILdqDPO549LO4WeG+685JRUTdiwcY5fjZlqeMxuT4PpMn1X9OWsS7NRj06Wa5E3Tvg4twjWp39KPfOdRte6P1T4JU=";
    public const string V5Signature = "e3647471e395139e2308c1fa963f2d648a00b90e";
    public const string V5Message = "{ \"ToUserName\": \"wx5823bf96d3bd56c7\", \"FromUserName\": :mycreate\", \"CreateTime\": 1409659813, \"MsgType\": \"text\", \"Content\": \"hello\", \"MsgId\": 4561255354251345929, \"AgentID\": 218}";

    // Key C (OA samples).
    public const string KeyC = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string KeyCHex = "69b71d79f8218a39259a7a29aabb2dbafc31cb3d35db7e39ebbf3d0010831051";

    public const string V6Token = "spamtest";
    public const string V6AppId = "wx2c2769f8efd9abc2";
    public const string V6Timestamp = "1409735669";
    public const string V6Nonce = "1320562132";
    public const string V6Encrypt = "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";
    public const string V6Signature = "5d197aaffba7e9b25a30732f161a50dee96bd5fa";
    public const string V6Message =
        "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>\n" +
        "<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>\n" +
        "<CreateTime>1409735668</CreateTime>\n" +
        "<MsgType><![CDATA[text]]></MsgType>\n" +
        "<Content><![CDATA[abcdteT]]></Content>\n" +
        "<MsgId>6054768590064713728</MsgId>\n" +
        "</xml>";

    public const string V7AppId = "wxb11529c136998cb6";
    public const string V7Random = "aaaabbbbccccdddd";
    public const string V7Message = "我是中文abcd123";
    public const string V7Encrypt = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";
    public const string V7Token = "pamtest";
    public const string V7Timestamp = "1409304348";
    public const string V7Nonce = "xxxxxx";
    public const string V7Signature = "82c962d39941aa48552f90ef55aa323dc620cc10";

    // Key D (current OA encryption doc): 43 × 'A'.
    public static readonly string KeyD = new('A', 43);
    public const string TokenD = "AAAAA";
    public const string AppIdD = "wxba5fad812f8e6fb9";

    public const string V8Timestamp = "1714112445";
    public const string V8Nonce = "415670741";
    public const string V8Encrypt = "+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=";
    public const string V8Signature = "046e02f8204d34f8ba5fa3b1db94908f3df2e9b3";
    public const string V8Random = "a8eedb185eb2fecf";
    public const string V8Message = "{\"ToUserName\":\"gh_97417a04a28d\",\"FromUserName\":\"o9AgO5Kd5ggOC-bXrbNODIiE3bGY\",\"CreateTime\":1714112445,\"MsgType\":\"event\",\"Event\":\"debug_demo\",\"debug_str\":\"hello world\"}";

    public const string V9Timestamp = "1713424427";
    public const string V9Nonce = "415670741";
    public const string V9Encrypt = "ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==";
    public const string V9Signature = "1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1";
    public const string V9Message = "{\"demo_resp\":\"good luck\"}";
    public const string V9Random = "707722b803182950";

    // Plain signatures, token AAAAA.
    public const string P1Timestamp = "1714036504";
    public const string P1Nonce = "1514711492";
    public const string P1Signature = "f464b24fc39322e44b38aa78f5edd27bd1441696";
    public const string P1EchoStr = "4375120948345356249";
    public const string P2Timestamp = "1714037059";
    public const string P2Nonce = "486452656";
    public const string P2Signature = "899cf89e464efb63f54ddac96b0a0a235f53aa78";

    // G1: Key A, token QDG6eK, receiveid wx5823bf96d3bd56c7.
    public const string G1Random = "0123456789abcdef";
    public const long G1Timestamp = 1700000000;
    public const string G1Nonce = "1234567890";
    public const string G1Message = "<xml><ToUserName><![CDATA[zhangsan]]></ToUserName><FromUserName><![CDATA[wx5823bf96d3bd56c7]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好，世界]]></Content></xml>";
    public const string G1Encrypt = "sKqRbbiSUnDhFHOvPjtUMRx3ZiZpfl63gYczP7zv/AY0cgb1+ORHm+Ru+XN7eVJQKaQ6TOi5o4MgTTB5FLn9lwv7dhQomd8EZt6dxHqyhyEIS6yU0WLSEcSGzf5YuTGfK+Sak+mfmf8+7sbwtq+6U8XqJOln+S8NrTGfWnkaqdGnFG1OwNhxmIaGpCqXGBHLfwOfengho1Z3RiCHPBtgtbgHsvNrFfOK6kwzzi3yWpWk0lA+YJRF1zsIAW9pbT7CW8UgMzVQJ3vyDIZBPjZY8yzrsCcasCPp5zq+6iEFOC/d2OJ+IbNM8z6VE0rQzgGU73PzVjf17+3eWlMo/1K3tol/JRX5CpODrMXXOrmwsfYyQNU2gjeNnjUIBpxBia4R";
    public const string G1Signature = "082f8c15e88a95689d13b7e0c3fe4cda2e21b44f";

    // G2: Key B, token hJqcu…, receiveid "".
    public const string G2Random = "fedcba9876543210";
    public const long G2Timestamp = 1700000001;
    public const string G2Nonce = "987654321";
    public const string G2Message = "{\"msgtype\":\"stream\",\"stream\":{\"id\":\"s1\",\"finish\":true,\"content\":\"收到：hello\"}}";
    public const string G2Encrypt = "nO73TgapHYuqXuswhq+wM0TTE54OC/fKeZDRe/LKNVCgIxDGdS6A0a2XCl9NGZwO3GBSd68HF8DLRdyhNz8axSWUWdrVWG01DlG16r8jiY13EdauGB6oGd4i/XX+XubdHccaPswJEv7DcTzbffaKLgxukfgaUtHx1xeAdyg4zpk=";
    public const string G2Signature = "22c6aac2cb572e061cc1c647e450db83cbeeb0a8";
}
