namespace ChainBot.Server.Exports;

/// <summary>What checking a download token found.</summary>
internal enum ExportTokenStatus
{
    /// <summary>Malformed, or not signed with the server's key: answered 404, with no hint which.</summary>
    Invalid,

    /// <summary>Signed by the server, but past its expiry: answered 410, asking for a new <c>导出</c>.</summary>
    Expired,

    /// <summary>Signed by the server and still in time.</summary>
    Valid,
}
