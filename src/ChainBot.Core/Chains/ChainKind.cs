namespace ChainBot.Core.Chains;

/// <summary>What a chain collects.</summary>
public enum ChainKind
{
    /// <summary>A group-buy (团购): a catalogue of items, each entry orders quantities of them.</summary>
    Order,

    /// <summary>A registration (登记, 报名): no catalogue; entries name households and what they ask for.</summary>
    Roster,
}
