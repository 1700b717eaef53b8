using System;
using System.Collections.Generic;
using System.Globalization;

namespace StageMap.Engine;

// Live calls to the Salesforce org and the Outreach instance. Calls are named by method and URL,
// answers by status and the API's own words, joined as whole sentences (Sentences). Whatever a server
// or the CLI said passes the SecretScrubber before anyone sees it (LiveHttpClient.RunAsync).
internal static partial class Failures
{
    public static StageMapException InsecureBaseUri(Uri uri, string parameter) => new(
        ErrorIds.InsecureBaseUri, FailureCategory.InvalidArgument, uri,
        $"-{parameter} '{uri}' is not an https address. Tokens are sent only over https (plain http only to this machine's loopback address, for a local test server).");

    public static StageMapException NoCrmConnection() => new(
        ErrorIds.NoCrmConnection, FailureCategory.InvalidOperation, null,
        "No Salesforce connection in this session. Run Connect-Crm -TargetOrg <alias> (or -InstanceUrl and -AccessToken) first, or pass -Connection.");

    public static StageMapException NoOutreachConnection() => new(
        ErrorIds.NoOutreachConnection, FailureCategory.InvalidOperation, null,
        "No Outreach connection in this session. Run Connect-Outreach -AccessToken <token> (or -ClientId, -ClientSecret and -RefreshToken) first, or pass -Connection.");

    public static StageMapException ConnectionClosed(string system, object connection) => new(
        system == "Outreach" ? ErrorIds.NoOutreachConnection : ErrorIds.NoCrmConnection, FailureCategory.InvalidOperation, connection,
        $"The {system} connection {connection} was disconnected; its token is gone. Connect again.");

    /// <summary>A Connect- that failed: the session keeps the connection it had, and the message says which.</summary>
    public static StageMapException ConnectFailed(StageMapException failure, string system, object? current) => new(
        failure.ErrorId, failure.Category, failure.Target,
        Sentences.Join(failure.Message, current is null
            ? $"The session has no current {system} connection."
            : $"The session's current {system} connection is still {current}."),
        failure.InnerException);

    public static StageMapException InvalidApiVersion(string version) => new(
        ErrorIds.CrmRequestFailed, FailureCategory.InvalidArgument, version,
        $"'{version}' is not a Salesforce REST API version. Give one like 62.0 (or v62.0).");

    public static StageMapException SalesforceCliFailed(string targetOrg, string problem, Exception? inner = null) => new(
        ErrorIds.SalesforceCliFailed, FailureCategory.ResourceUnavailable, targetOrg,
        Sentences.Join(
            $"Could not get a token for '{targetOrg}' from the Salesforce CLI: {problem}",
            "Check 'sf org list', log in with 'sf org login web --alias <alias>', or connect with -InstanceUrl and -AccessToken."),
        inner);

    /// <param name="targetOrg">The CLI alias the token came from (it was fetched again once), or null for a token in hand.</param>
    public static StageMapException CrmAuthenticationFailed(string call, string apiMessage, string? targetOrg) => new(
        ErrorIds.CrmAuthenticationFailed, FailureCategory.InvalidOperation, call,
        targetOrg is null
            ? Sentences.Join(
                $"Salesforce refused the access token given to Connect-Crm for {call}: {apiMessage}",
                "Get a fresh one ('sf org auth show-access-token', or your OAuth flow) and run Connect-Crm again, or connect with -TargetOrg so the Salesforce CLI renews it.")
            : Sentences.Join(
                $"Salesforce refused the token for {call}: {apiMessage}",
                $"StageMap fetched it again with 'sf org auth show-access-token --target-org {targetOrg}', and Salesforce refused that one too.",
                $"Log in again with 'sf org login web --alias {targetOrg}', then run Connect-Crm -TargetOrg {targetOrg}."));

    public static StageMapException CrmRequestFailed(string call, string status, string apiMessage) => new(
        ErrorIds.CrmRequestFailed, FailureCategory.InvalidOperation, call,
        Sentences.Join($"Salesforce answered {call} with {status}" + (apiMessage.Length == 0 ? "" : ": " + apiMessage)));

    /// <summary>Outreach refused an access token that could not be renewed: one given in hand.</summary>
    public static StageMapException OutreachTokenRefused(string call, string apiMessage) => new(
        ErrorIds.OutreachAuthenticationFailed, FailureCategory.InvalidOperation, call,
        Sentences.Join(
            $"Outreach refused the access token given to Connect-Outreach for {call}: {apiMessage}",
            "Outreach access tokens last about two hours: connect again with a fresh one, or with -ClientId, -ClientSecret and -RefreshToken so StageMap renews it."));

    /// <summary>Outreach refused the access token StageMap had just got with the refresh token.</summary>
    public static StageMapException OutreachRenewedTokenRefused(string call, string apiMessage, string clientId) => new(
        ErrorIds.OutreachAuthenticationFailed, FailureCategory.InvalidOperation, call,
        Sentences.Join(
            $"Outreach refused the token for {call}: {apiMessage}",
            $"StageMap renewed it with the refresh token of client '{clientId}', and Outreach refused the new one too: the user may have lost access, or the app's authorization was revoked.",
            "Authorize the app again and connect with its new refresh token."));

    /// <summary>Outreach's token endpoint refused the refresh token (or the client's id and secret).</summary>
    public static StageMapException OutreachRefreshRefused(string call, string apiMessage, string clientId) => new(
        ErrorIds.OutreachAuthenticationFailed, FailureCategory.InvalidOperation, call,
        Sentences.Join(
            $"Outreach's token endpoint refused the refresh token of client '{clientId}' ({call}): {apiMessage}",
            "Outreach replaces a refresh token each time it is used and lets unused ones expire; check the client id and secret, authorize the app again to get a new refresh token, and connect with it."));

    public static StageMapException OutreachScopeMissing(string call, string scope, string apiMessage) => new(
        ErrorIds.OutreachScopeMissing, FailureCategory.InvalidOperation, call,
        Sentences.Join(
            $"Outreach refused {call}: the token lacks the OAuth scope '{scope}'",
            apiMessage,
            $"Authorize the Outreach app with the scope '{scope}' and connect again."));

    public static StageMapException OutreachRequestRejected(string call, IReadOnlyList<string> details) => new(
        ErrorIds.OutreachRequestRejected, FailureCategory.InvalidData, call,
        $"Outreach rejected {call}: " + (details.Count == 0 ? "it gave no reason." : Sentences.Join(details)));

    public static StageMapException OutreachRequestFailed(string call, string status, string apiMessage) => new(
        ErrorIds.OutreachRequestFailed, FailureCategory.InvalidOperation, call,
        Sentences.Join($"Outreach answered {call} with {status}" + (apiMessage.Length == 0 ? "" : ": " + apiMessage)));

    public static StageMapException LiveUnreachable(string system, string call, string why, Exception inner) => new(
        system == "Outreach" ? ErrorIds.OutreachRequestFailed : ErrorIds.CrmRequestFailed, FailureCategory.ResourceUnavailable, call,
        Sentences.Join($"{system} could not be reached for {call}: {why}"), inner);

    public static StageMapException LiveRequestTimedOut(string system, string call, TimeSpan timeout) => new(
        ErrorIds.LiveRequestTimedOut, FailureCategory.ResourceUnavailable, call,
        $"{system} did not answer {call} within {timeout.TotalSeconds:0} seconds.");

    public static StageMapException LiveAnswerUnreadable(string system, string call, string problem) => new(
        system == "Outreach" ? ErrorIds.OutreachRequestFailed : ErrorIds.CrmRequestFailed, FailureCategory.InvalidData, call,
        Sentences.Join($"{system}'s answer to {call} could not be read: {problem}"));

    /// <param name="announced">The Content-Length the server gave, when it gave one over the cap (nothing was read).</param>
    public static StageMapException LiveAnswerTooLarge(string system, string call, long cap, long? announced) => new(
        ErrorIds.LiveAnswerTooLarge, FailureCategory.InvalidData, call,
        Sentences.Join(
            announced is { } length
                ? $"{system} announced an answer of {length:N0} bytes to {call}, over the {Bytes(cap)} StageMap reads, so it was not read"
                : $"{system}'s answer to {call} passed the {Bytes(cap)} StageMap reads, so it stopped reading",
            "A stage list or a describe is far smaller: the server, or a proxy in between, is misbehaving."));

    /// <summary>A list whose answers together hold more items than a reader takes (4,000 stages or statuses).</summary>
    public static StageMapException LiveListTooLong(string system, string call, int most, string what) => new(
        ErrorIds.LiveAnswerTooLarge, FailureCategory.InvalidData, call,
        Sentences.Join($"{system}'s pages from {call} list more than {most:N0} {what}, more than StageMap reads, so it stopped reading them"));

    public static StageMapException LivePagingLoop(string system, string call, string linkName, Uri link, int pages) => new(
        ErrorIds.LivePagingLoop, FailureCategory.InvalidData, call,
        Sentences.Join(
            $"{system}'s answer to {call} gives as {linkName} '{link}', a page already read, so the list would never end",
            $"StageMap stopped after {pages:N0} page(s) and read nothing into the configuration."));

    public static StageMapException LivePageLimit(string system, string call, int pages) => new(
        ErrorIds.LivePagingLoop, FailureCategory.InvalidData, call,
        Sentences.Join(
            $"{system} still gave a next page after {pages:N0} pages from {call}; no real list is that long, so StageMap stopped",
            "Nothing was read into the configuration."));

    /// <param name="wait">How long the server asked StageMap to wait.</param>
    /// <param name="header">The header that asked it (Retry-After, ...).</param>
    public static StageMapException LiveRateLimited(string system, string call, TimeSpan wait, string header, TimeSpan budget) => new(
        ErrorIds.LiveRateLimited, FailureCategory.ResourceUnavailable, call,
        Sentences.Join(
            $"{system} asked StageMap to wait {Duration(wait)} ({header}) before {call}, beyond the {Duration(budget)} one command waits in all",
            $"Run the command again after {DateTimeOffset.UtcNow.Add(wait).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC."));

    /// <summary>A count a delete depends on that is missing or not a whole number from 0 up.</summary>
    public static StageMapException LiveCountUnreadable(string system, string call, string problem) => new(
        system == "Outreach" ? ErrorIds.OutreachRequestFailed : ErrorIds.CrmRequestFailed, FailureCategory.InvalidData, call,
        Sentences.Join($"{system}'s answer to {call} could not be read: {problem}", "Without a count StageMap deletes nothing."));

    public static StageMapException StageHasProspects(string stage, int outreachId, long prospects) => new(
        ErrorIds.StageHasProspects, FailureCategory.InvalidOperation, stage,
        $"Outreach stage '{stage}' (id {outreachId}) is held by {prospects} prospect(s), so it was not deleted. Deleting it would leave them on \"No Stage\". Move them first, or use -Force.");

    public static StageMapException SfdxProjectNotFound(string path) => new(
        ErrorIds.SfdxProjectNotFound, FailureCategory.ObjectNotFound, path,
        $"'{path}' is not an SFDX project folder: it has no sfdx-project.json. Give the project's folder, or add -Create to make this folder one (a minimal sfdx-project.json; 'sf project generate --name <name>' makes a full one).");

    /// <param name="what">What points there: "packageDirectories[0].path 'x'", "the file for Contact.X".</param>
    public static StageMapException SfdxPathOutsideProject(string project, string path, string what) => new(
        ErrorIds.SfdxPathOutsideProject, FailureCategory.InvalidData, path,
        $"{what} leads to '{path}', outside the SFDX project '{project}'. Export-CrmMetadata writes only under the project folder, so nothing was written. Give package directories as paths inside the project (force-app, not an absolute path or one that climbs out with ..).");

    private static string Bytes(long bytes) => bytes % (1024 * 1024) == 0
        ? $"{bytes / (1024 * 1024)} MiB"
        : $"{bytes:N0} bytes";

    /// <summary>"45 seconds", "2 minutes", "61 minutes", "3 hours".</summary>
    private static string Duration(TimeSpan wait) =>
        wait.TotalSeconds < 120 ? $"{Math.Ceiling(wait.TotalSeconds).ToString("0", CultureInfo.InvariantCulture)} seconds"
        : wait.TotalMinutes < 120 ? $"{Math.Ceiling(wait.TotalMinutes).ToString("0", CultureInfo.InvariantCulture)} minutes"
        : $"{Math.Ceiling(wait.TotalHours).ToString("0", CultureInfo.InvariantCulture)} hours";
}
