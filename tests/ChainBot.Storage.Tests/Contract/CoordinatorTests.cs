namespace ChainBot.Storage.Tests.Contract;

public class CoordinatorTests(string store) : ContractTestBase(store)
{
    [Test]
    public async Task Coordinators_are_per_group_in_the_order_named_and_named_once()
    {
        var store = Open();

        await store.AddCoordinatorAsync("g1", "wxid_b", T0);
        await store.AddCoordinatorAsync("g1", "wxid_a", T0.AddMinutes(1));
        await store.AddCoordinatorAsync("g1", "wxid_b", T0.AddMinutes(2));
        await store.AddCoordinatorAsync("g2", "wxid_c", T0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await store.CoordinatorsAsync("g1")).Select(c => c.SenderId), Is.EqualTo(new[] { "wxid_b", "wxid_a" }));
            Assert.That((await store.CoordinatorsAsync("g1"))[0].At, Is.EqualTo(T0), "named twice, the first time is kept");
            Assert.That((await store.CoordinatorsAsync("g2")).Select(c => c.SenderId), Is.EqualTo(new[] { "wxid_c" }));
            Assert.That((await store.CoordinatorsAsync("g3")).Select(c => c.SenderId), Is.Empty);
        }
    }
}
