using System;
using System.Collections.Generic;
using System.Linq;

namespace StageMap.Engine;

// Live calls to the Salesforce org and the Outreach instance. No message ever holds a token: calls are
// named by method and URL, answers by status and the API's own error text.
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

    public static StageMapException InvalidApiVersion(string version) => new(
        ErrorIds.CrmRequestFailed, FailureCategory.InvalidArgument, version,
        $"'{version}' is not a Salesforce REST API version. Give one like 62.0 (or v62.0).");

    public static StageMapException SalesforceCliFailed(string targetOrg, string problem, Exception? inner = null) => new(
        ErrorIds.SalesforceCliFailed, FailureCategory.ResourceUnavailable, targetOrg,
        $"Could not get a token for '{targetOrg}' from the Salesforce CLI: {problem} Check 'sf org list', log in with 'sf org login web --alias <alias>', or connect with -InstanceUrl and -AccessToken.", inner);

    public static StageMapException CrmAuthenticationFailed(string call, string apiMessage) => new(
        ErrorIds.CrmAuthenticationFailed, FailureCategory.InvalidOperation, call,
        $"Salesforce refused the token for {call}: {apiMessage} Connect again (Connect-Crm) to get a fresh token.");

    public static StageMapException CrmRequestFailed(string call, string status, string apiMessage) => new(
        ErrorIds.CrmRequestFailed, FailureCategory.InvalidOperation, call,
        $"Salesforce answered {call} with {status}: {apiMessage}");

    public static StageMapException OutreachAuthenticationFailed(string call, string apiMessage, bool refreshed) => new(
        ErrorIds.OutreachAuthenticationFailed, FailureCategory.InvalidOperation, call,
        $"Outreach refused the token for {call}{(refreshed ? " after a refresh" : "")}: {apiMessage} "
        + "Outreach access tokens last about two hours: connect again with a fresh token, or with -ClientId, -ClientSecret and -RefreshToken so StageMap renews it.");

    public static StageMapException OutreachScopeMissing(string call, string scope, string apiMessage) => new(
        ErrorIds.OutreachScopeMissing, FailureCategory.InvalidOperation, call,
        $"Outreach refused {call}: the token lacks the OAuth scope '{scope}'. {apiMessage} Authorize the Outreach app with the scope '{scope}' and connect again.");

    public static StageMapException OutreachRequestRejected(string call, IReadOnlyList<string> details) => new(
        ErrorIds.OutreachRequestRejected, FailureCategory.InvalidData, call,
        $"Outreach rejected {call}: {string.Join(" ", details.Select(d => d.TrimEnd('.') + "."))}");

    public static StageMapException OutreachRequestFailed(string call, string status, string apiMessage) => new(
        ErrorIds.OutreachRequestFailed, FailureCategory.InvalidOperation, call,
        $"Outreach answered {call} with {status}{(apiMessage.Length == 0 ? "." : ": " + apiMessage)}");

    public static StageMapException LiveUnreachable(string system, string call, string why, Exception inner) => new(
        system == "Outreach" ? ErrorIds.OutreachRequestFailed : ErrorIds.CrmRequestFailed, FailureCategory.ResourceUnavailable, call,
        $"{system} could not be reached for {call}: {why}", inner);

    public static StageMapException LiveRequestTimedOut(string system, string call, TimeSpan timeout) => new(
        ErrorIds.LiveRequestTimedOut, FailureCategory.ResourceUnavailable, call,
        $"{system} did not answer {call} within {timeout.TotalSeconds:0} seconds.");

    public static StageMapException LiveAnswerUnreadable(string system, string call, string problem) => new(
        system == "Outreach" ? ErrorIds.OutreachRequestFailed : ErrorIds.CrmRequestFailed, FailureCategory.InvalidData, call,
        $"{system}'s answer to {call} could not be read: {problem}");

    public static StageMapException StageHasProspects(string stage, int outreachId, long prospects) => new(
        ErrorIds.StageHasProspects, FailureCategory.InvalidOperation, stage,
        $"Outreach stage '{stage}' (id {outreachId}) is held by {prospects} prospect(s), so it was not deleted. Deleting it would leave them on \"No Stage\". Move them first, or use -Force.");

    public static StageMapException SfdxProjectNotFound(string path) => new(
        ErrorIds.SfdxProjectNotFound, FailureCategory.ObjectNotFound, path,
        $"'{path}' is not an SFDX project folder: it has no sfdx-project.json. Give the project's folder, or add -Create to make this folder one (a minimal sfdx-project.json; 'sf project generate --name <name>' makes a full one).");
}
