using System;
using System.Linq;
using System.Threading.Tasks;
using Flutterwave.Runtime;
using Xunit;

namespace Flutterwave.Sandbox.Tests;

/// <summary>Banks, branches, account look-up, mobile networks, fee quotes and wallet look-up, through the generated client.</summary>
public sealed class ReferenceDataTests : IAsyncLifetime
{
    private SandboxClient _s = null!;

    public async Task InitializeAsync() => _s = await SandboxClient.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Banks_PerCountry_WithBranches_AndAnUnknownBankIs404()
    {
        var banks = _s.Client.Banks;

        var nigerian = await banks.ListBanksAsync(BankCountry.NG);
        Assert.Contains(nigerian, b => b.Id == "44" && b.Code == "044" && b.Name == "Access Bank");
        Assert.Equal(4, nigerian.Count);
        var ghana = Assert.Single(await banks.ListBanksAsync(BankCountry.GH));
        Assert.Equal("GH010100", ghana.Code);
        Assert.Empty(await banks.ListBanksAsync(BankCountry.TD));

        var branches = await banks.ListBankBranchesAsync(ghana.Id!);
        Assert.Equal(new[] { "GH010101", "GH010102" }, branches.Select(b => b.Code));
        Assert.Equal("ECOCGHAC", branches[0].SwiftCode);
        Assert.Null(branches[1].SwiftCode);
        Assert.Empty(await banks.ListBankBranchesAsync("44"));

        var missing = await Assert.ThrowsAsync<ApiNotFoundException>(() => banks.ListBankBranchesAsync("9999"));
        Assert.Equal("RESOURCE_NOT_FOUND", missing.ErrorType);
    }

    [Fact]
    public async Task MobileNetworks_PerCountry()
    {
        var ghana = await _s.Client.MobileNetworks.ListMobileNetworksAsync(MobileNetworkCountry.GH);
        Assert.Equal(new[] { "MTN", "VODAFONE", "AIRTELTIGO" }, ghana.Select(n => n.Network));
        Assert.Equal("mnt_GH_MTN", ghana[0].Id);
        Assert.Equal(4, (await _s.Client.MobileNetworks.ListMobileNetworksAsync(MobileNetworkCountry.TZ)).Count);
        Assert.Empty(await _s.Client.MobileNetworks.ListMobileNetworksAsync(MobileNetworkCountry.EG));
    }

    [Theory]
    [InlineData(1000, "NGN", 14.00, 1.05, null, 1015.05)]
    [InlineData(20000, "NGN", 280.00, 21.00, 50.00, 20351.00)]
    [InlineData(20000, "GHS", 280.00, 21.00, null, 20301.00)]
    public async Task Fees_AppVatAndStampDuty(decimal amount, string currency, decimal app, decimal vat, double? stampDuty, decimal total)
    {
        var quote = await _s.Client.Fees.GetFeesAsync(amount, new Currency(currency), PaymentMethodType.Card);

        Assert.Equal(total, quote.ChargeAmount);
        Assert.Equal(app, quote.Fee!.Single(f => f.Type == "app").Amount);
        Assert.Equal(vat, quote.Fee!.Single(f => f.Type == "vat").Amount);
        Assert.Equal(stampDuty is null ? null : (decimal)stampDuty.Value, quote.Fee!.SingleOrDefault(f => f.Type == "stamp_duty")?.Amount);
    }

    [Fact]
    public async Task Charges_CarryTheFeesTheQuoteNames()
    {
        var charge = await _s.SucceededChargeAsync(1000m);

        Assert.Equal(new[] { ("app", 14.00m), ("vat", 1.05m) }, charge.Fees!.Select(f => (f.Type!, f.Amount!.Value)));
    }

    [Theory]
    [InlineData("0690000031", "Forrest Green")]
    [InlineData("0690000032", "Pastor Bright")]
    [InlineData("0690000040", "Emeka Nwosu")]
    public async Task AccountLookUp_NgnTestAccounts(string number, string holder)
    {
        var account = await _s.Client.Banks.ResolveBankAccountAsync(Ngn("044", number));

        Assert.Equal(holder, account.AccountName);
        Assert.Equal(number, account.AccountNumber);
        Assert.Equal("044", account.BankCode);
    }

    [Fact]
    public async Task AccountLookUp_UnknownAccountIs404_MalformedIs400_AndScenariosStandInForTheBank()
    {
        var banks = _s.Client.Banks;

        Assert.Equal("RESOURCE_NOT_FOUND", (await Assert.ThrowsAsync<ApiNotFoundException>(() => banks.ResolveBankAccountAsync(Ngn("044", "0123456789")))).ErrorType);
        await Assert.ThrowsAsync<ApiNotFoundException>(() => banks.ResolveBankAccountAsync(Ngn("058", "0690000031")));

        var malformed = await Assert.ThrowsAsync<ApiBadRequestException>(() => banks.ResolveBankAccountAsync(Ngn("999", "12345")));
        Assert.Equal(new[] { "account.code", "account.number" }, malformed.ValidationErrors.Select(e => e.FieldName));

        var none = await Assert.ThrowsAsync<ApiNotFoundException>(() => banks.ResolveBankAccountAsync(Ngn("044", "0690000031"), Payouts.Scenario("scenario:no_account_found")));
        Assert.Equal("RESOURCE_NOT_FOUND", none.ErrorType);
        var failed = await Assert.ThrowsAsync<ApiUnprocessableException>(() => banks.ResolveBankAccountAsync(Ngn("044", "0690000031"), Payouts.Scenario("scenario:account_resolved_failed")));
        Assert.Equal("UNPROCESSABLE", failed.ErrorType);
        Assert.Equal("Forrest Green", (await banks.ResolveBankAccountAsync(Ngn("044", "0690000031"), Payouts.Scenario("scenario:successful"))).AccountName);

        var unknown = await Assert.ThrowsAsync<ApiBadRequestException>(() => banks.ResolveBankAccountAsync(Ngn("044", "0690000031"), Payouts.Scenario("scenario:auth_pin")));
        Assert.Contains(unknown.ValidationErrors, e => e.FieldName == "X-Scenario-Key");
    }

    [Fact]
    public async Task AccountLookUp_UsdNeedsACountry_GbpNeedsTheHoldersName()
    {
        var banks = _s.Client.Banks;
        var usd = new BankAccountResolveRequest { Currency = BankAccountResolveRequestCurrency.USD, Account = new BankAccountResolveAccount { Code = "021000021", Number = "1234567890", Country = "US" } };
        Assert.Equal("Sandbox Account Holder", (await banks.ResolveBankAccountAsync(usd)).AccountName);
        usd.Account.Country = null;
        Assert.Contains((await Assert.ThrowsAsync<ApiBadRequestException>(() => banks.ResolveBankAccountAsync(usd))).ValidationErrors, e => e.FieldName == "account.country");

        var person = new BankAccountResolveRequest
        {
            Currency = BankAccountResolveRequestCurrency.GBP,
            Account = new BankAccountResolveAccount { Code = "200000", Number = "55779911", Type = BankAccountResolveAccountType.Individual, Name = new CustomerName { First = "Ada", Last = "Lovelace" } },
        };
        Assert.Equal("Ada Lovelace", (await banks.ResolveBankAccountAsync(person)).AccountName);
        person.Account.Name = new CustomerName { First = "Ada" };
        Assert.Contains((await Assert.ThrowsAsync<ApiBadRequestException>(() => banks.ResolveBankAccountAsync(person))).ValidationErrors, e => e.FieldName == "account.name.last");

        var company = new BankAccountResolveRequest
        {
            Currency = BankAccountResolveRequestCurrency.GBP,
            Account = new BankAccountResolveAccount { Code = "200000", Number = "55779911", Type = BankAccountResolveAccountType.Corporate, BusinessName = "Acme Trading Ltd" },
        };
        Assert.Equal("Acme Trading Ltd", (await banks.ResolveBankAccountAsync(company)).AccountName);
    }

    [Fact]
    public async Task WalletLookUp_TwoTestWallets_OthersAre404()
    {
        var wallet = await _s.Client.Wallets.ResolveWalletAccountAsync(new WalletAccountResolveRequest { Provider = "flutterwave", Identifier = "7981223" });
        Assert.Equal("Flutterwave Developer Account", wallet.Name);
        Assert.Equal("Sandbox Merchant Two", (await _s.Client.Wallets.ResolveWalletAccountAsync(new WalletAccountResolveRequest { Provider = "flutterwave", Identifier = "00118468" })).Name);
        await Assert.ThrowsAsync<ApiNotFoundException>(() => _s.Client.Wallets.ResolveWalletAccountAsync(new WalletAccountResolveRequest { Provider = "flutterwave", Identifier = "1234567" }));
    }

    private static BankAccountResolveRequest Ngn(string code, string number) =>
        new() { Currency = BankAccountResolveRequestCurrency.NGN, Account = new BankAccountResolveAccount { Code = code, Number = number } };
}
