/**
 * A stand-in for GitHub's REST API on loopback, for the tests and the benchmark: issues (pages,
 * pull requests among them), labels and comments in the shapes GitHub answers, a log of every
 * call, and scripted failures (rate limits, 5xx). It holds no model and talks to no network.
 */
package dlbugs.triage.fake;
