using System.Text.Json.Serialization;

namespace ChainBot.Storage.Json;

/// <summary>The JSON the store writes, generated at compile time: no reflection, and the shape is fixed by the types.</summary>
// A member that is missing or null against its type (a row edited by hand) is a JsonException here, not a
// NullReferenceException in the merger later.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(StoredMessage))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
