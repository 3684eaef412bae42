/**
 * The HTTP wire format of the dlbugs service: request and response records that Jackson reads
 * and writes. They are separate from the domain records of {@code dlbugs.model} so that the
 * model can change without changing the API; {@link dlbugs.serve.api.ClassifyResponse#of}
 * converts a domain prediction into its wire form. Every error body is an
 * {@link dlbugs.serve.api.ErrorResponse}.
 */
package dlbugs.serve.api;
