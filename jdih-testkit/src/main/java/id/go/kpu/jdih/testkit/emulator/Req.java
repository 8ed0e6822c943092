package id.go.kpu.jdih.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.github.tomakehurst.wiremock.http.Request;
import id.go.kpu.jdih.publish.http.HttpApi;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A request as an emulator sees it: method, path, query, form fields, JSON body and multipart parts, parsed with
 * the project's own tools (not WireMock's shaded ones).
 *
 * @param method the method
 * @param path the path without the query
 * @param query the query parameters
 * @param form the form fields of a urlencoded body
 * @param json the JSON body, or a missing node
 * @param parts the multipart parts by name
 * @param authorization the Authorization header, if any
 */
public record Req(String method, String path, Map<String, String> query, Map<String, String> form, JsonNode json,
    Map<String, Part> parts, Optional<String> authorization) {

  /**
   * One multipart part.
   *
   * @param fileName the file name, if it is a file
   * @param bytes its content
   */
  public record Part(String fileName, byte[] bytes) {
    /** The content as UTF-8 text. */
    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  static Req of(Request r) {
    URI uri = URI.create(r.getUrl());
    Map<String, String> query = decode(uri.getRawQuery());
    String type = Optional.ofNullable(r.getHeader("Content-Type")).orElse("");
    Map<String, String> form = type.startsWith("application/x-www-form-urlencoded")
        ? decode(r.getBodyAsString()) : Map.of();
    JsonNode json = MissingNode.getInstance();
    if (type.startsWith("application/json")) {
      try {
        json = HttpApi.json().readTree(r.getBodyAsString());
      } catch (IOException e) {
        json = MissingNode.getInstance();
      }
    }
    Map<String, Part> parts = new LinkedHashMap<>();
    if (r.isMultipart()) {
      for (Request.Part p : r.getParts()) {
        parts.put(p.getName(), new Part(p.getFileName(), p.getBody().asBytes()));
      }
    }
    return new Req(r.getMethod().getName(), uri.getRawPath(), query, form, json, parts,
        Optional.ofNullable(r.getHeader("Authorization")));
  }

  /** A parameter from the form, the query or a text part, in that order. */
  public Optional<String> param(String name) {
    if (form.containsKey(name)) {
      return Optional.of(form.get(name));
    }
    if (query.containsKey(name)) {
      return Optional.of(query.get(name));
    }
    if (parts.containsKey(name) && parts.get(name).fileName() == null) {
      return Optional.of(parts.get(name).text());
    }
    if (json.has(name)) {
      return Optional.of(json.get(name).isTextual() ? json.get(name).asText() : json.get(name).toString());
    }
    return Optional.empty();
  }

  private static Map<String, String> decode(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }
}
