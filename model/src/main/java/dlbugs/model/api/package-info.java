/**
 * The classify request and answer as both entry points speak them: {@code POST /classify} (and
 * its batch form) and {@code dlbugs classify}, one JSON object a line. {@link
 * dlbugs.model.api.ClassifyRequestReader} turns bytes into reports and options, refusing what the
 * documentation does not allow with a {@link dlbugs.model.api.RequestException} whose message
 * names the field; {@link dlbugs.model.api.ClassifyResponse} is the answer's wire format.
 */
package dlbugs.model.api;
