namespace ChainBot.Server.Exports;

/// <summary>What a download link gives: the workbook, or the same tables as CSV files in a zip.</summary>
internal enum ExportFormat
{
    /// <summary>One xlsx workbook: 供应商订单, a 分楼清单 sheet per building, 收款, 待核对.</summary>
    Xlsx,

    /// <summary>A zip of UTF-8 (with BOM) CSV files, one per table.</summary>
    Csv,
}
