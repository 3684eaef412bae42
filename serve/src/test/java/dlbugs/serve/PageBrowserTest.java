package dlbugs.serve;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dlbugs.corrections.Correction;
import dlbugs.corrections.CorrectionQuery;
import dlbugs.corrections.CorrectionStore;
import dlbugs.corrections.CorrectionStores;
import dlbugs.corrections.Origin;
import dlbugs.corrections.StoreLocation;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page in headless Chromium (Debian's chromium and chromium-driver, installed by .ci/run)
 * against the service with the shipped bundle, driven by the keyboard only.
 */
class PageBrowserTest {

    private static final String EXAMPLE = "ValueError: Error when checking input: expected dense_1_input to have "
            + "shape (784,) but got array with shape (28, 28). I reshape the MNIST images before model.fit.";
    private static ServeApp.Service service;
    private static WebDriver browser;
    private static String base;
    @TempDir
    static Path dir;
    private static CorrectionStore corrections;

    @BeforeAll
    static void start() throws Exception {
        ModelSource source = new BundleModelSource(Path.of(System.getProperty("dlbugs.shippedBundle")), 1);
        corrections = CorrectionStores.open(StoreLocation.parse(dir.resolve("corrections.db").toString(), Map.of()), 2_000);
        service = ServeApp.build(source.load(), source, ServeConfig.defaults().withEndpoint("127.0.0.1", 0, Path.of("unused")),
                WebhookConfig.disabled(), corrections);
        service.app().start();
        base = "http://127.0.0.1:" + service.app().port() + "/";
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1800");
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stop() {
        // the service closes the corrections store as it stops
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.app().stop();
        }
    }

    @Test
    void a_pasted_report_shows_labels_bars_highlights_and_similar_bugs_using_the_keyboard_only() throws Exception {
        browser.get(base);
        double loadMs = ((Number) ((JavascriptExecutor) browser).executeScript(
                "const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd || n.domComplete;")).doubleValue();
        Files.writeString(Path.of("target", "page-load.txt"), String.format("page load: %.0f ms%n", loadMs));

        new Actions(browser).sendKeys(Keys.TAB, Keys.TAB).sendKeys(EXAMPLE).perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("text");
        new Actions(browser).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector("#heads .head .bar span"), 4));

        String api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "classify"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + EXAMPLE + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var expected = new com.fasterxml.jackson.databind.ObjectMapper().readTree(api).path("heads");
        List<WebElement> cards = browser.findElements(By.cssSelector("#heads .head"));
        assertThat(cards).hasSize(expected.size());
        for (WebElement card : cards) {
            String head = card.getAttribute("data-head");
            assertThat(card.findElement(By.cssSelector(".label")).getText()).isEqualTo(expected.path(head).path("label").asText());
            assertThat(card.getAttribute("class")).contains(expected.path(head).path("accepted").asBoolean() ? "accepted" : "review");
        }
        List<WebElement> marks = browser.findElements(By.cssSelector("#why mark"));
        assertThat(marks).isNotEmpty();
        Object partWords = ((JavascriptExecutor) browser).executeScript("return [...document.querySelectorAll('#why mark')]"
                + ".filter(m => { const p = m.previousSibling, n = m.nextSibling;"
                + " return (p && /[A-Za-z0-9_]$/.test(p.textContent)) || (n && /^[A-Za-z0-9_]/.test(n.textContent)); }).length;");
        assertThat(((Number) partWords).intValue()).as("highlights that cut a word").isZero();
        assertThat(marks).extracting(WebElement::getText).extracting(String::toLowerCase)
                .doesNotContain("with", "of", "to have", "the", "to", "but");
        assertThat(browser.findElements(By.cssSelector("#similar li a[href^='http']"))).isNotEmpty();
        assertThat(browser.findElement(By.id("no-similar")).isDisplayed()).isFalse();
        WebElement fixPattern = browser.findElement(By.cssSelector("#heads .head[data-head='fix_pattern'] .status"));
        if (expected.path("fix_pattern").path("threshold").asDouble() >= 1) {
            assertThat(fixPattern.getText()).contains("never applied unreviewed").doesNotContain("100%");
        }
        assertThat(browser.findElement(By.id("curl")).getText()).startsWith("curl -s " + base + "classify");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("results-title");
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", "page-screenshot.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void correct_this_posts_the_chosen_label_with_its_definition_and_says_it_was_recorded() throws Exception {
        browser.get(base);
        browser.findElement(By.id("title")).sendKeys("Training hangs");
        browser.findElement(By.id("text")).sendKeys(EXAMPLE);
        browser.findElement(By.id("go")).click();
        WebElement card = new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#heads .head[data-head='effect']")));
        String answered = card.findElement(By.cssSelector(".label")).getText();
        card.findElement(By.cssSelector("details.correct summary")).click();
        String wanted = answered.equals("Hang") ? "Crash" : "Hang";
        new Select(card.findElement(By.id("fix-effect-label"))).selectByVisibleText(wanted);
        assertThat(card.findElement(By.id("fix-effect-def")).getText()).isEqualTo(wanted.equals("Hang")
                ? "the program stops making progress" : "the program stops with an error");
        assertThat(new Select(card.findElement(By.id("fix-effect-label"))).getOptions()).extracting(WebElement::getText)
                .doesNotContain(answered).contains("Not a DL bug");
        card.findElement(By.id("fix-effect-author")).sendKeys("ada");
        card.findElement(By.id("fix-effect-send")).click();
        WebElement status = card.findElement(By.id("fix-effect-status"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElement(status, "#"));
        assertThat(status.getText()).startsWith("Recorded, thank you: correction #");
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", "page-correction.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Correction stored = corrections.list(CorrectionQuery.all(null)).get(0);
        assertThat(stored.head()).isEqualTo("effect");
        assertThat(stored.label()).isEqualTo(wanted);
        assertThat(stored.answer()).isEqualTo(answered);
        assertThat(stored.author()).isEqualTo("ada");
        assertThat(stored.origin()).isEqualTo(Origin.PAGE);
        assertThat(stored.report().title()).isEqualTo("Training hangs");
        assertThat(stored.modelVersion()).isNotBlank();
        assertThat(browser.findElement(By.id("model")).getText()).contains(" " + stored.modelVersion() + ".");

        card.findElement(By.id("fix-effect-send")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElement(status, "Already"));
        assertThat(status.getText()).isEqualTo("Already recorded as correction #" + stored.id() + ".");
    }

    @Test
    void labels_definitions_and_messages_are_shown_as_text_never_as_markup() {
        browser.get(base);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        String evil = "<img src=x onerror=\"window.pwned=1\">";
        js.executeScript("taxonomy.effect = {title: 'Effect " + evil + "', defs: {'Crash': 'stops " + evil + "', '" + evil
                + "': 'odd " + evil + "'}};"
                + "show({model: {name: 'm " + evil + "', version: 'v'}, heads: {effect: {label: 'Crash', confidence: 0.9,"
                + " threshold: 0.5, accepted: true, top: [{label: 'Crash', score: 0.9}, {label: '" + evil + "', score: 0.1}]}},"
                + " similar: [{id: 'x', title: '" + evil + "', link: 'javascript:alert(1)', similarity: 0.5, labels: {}}]},"
                + " {text: '" + evil + "'})");
        js.executeScript("showError({error: 'e', message: '" + evil + "'})");
        assertThat(browser.findElements(By.cssSelector("img"))).isEmpty();
        assertThat(js.executeScript("return window.pwned === undefined")).isEqualTo(true);
        assertThat(browser.findElement(By.id("error")).getText()).contains("<img src=x");
    }

    @Test
    void submitting_blank_fields_says_what_to_fill_in() {
        browser.get(base);
        new Actions(browser).sendKeys(Keys.TAB, Keys.TAB, Keys.TAB, Keys.TAB, Keys.TAB, Keys.ENTER).perform();
        WebElement error = new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("error")));
        assertThat(error.getText()).contains("fill in a title, the report or a diff").doesNotContain("invalid_request");
        assertThat(browser.findElement(By.id("results")).isDisplayed()).isFalse();
    }

    @Test
    void a_4xx_answer_is_shown_as_a_readable_error_and_an_empty_similar_list_as_a_sentence() {
        browser.get(base);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("showError({error: 'invalid_request', message: 'field \\'top_k\\' must be an integer'})");
        assertThat(browser.findElement(By.id("error")).getText())
                .isEqualTo("Could not classify: field 'top_k' must be an integer (invalid_request)");
        js.executeScript("show({model: {name: 'm', version: 'v'}, heads: {}, similar: []}, {text: 'x'})");
        assertThat(browser.findElements(By.cssSelector("#similar li"))).isEmpty();
        assertThat(browser.findElement(By.id("no-similar")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("not-dl-bug")).isDisplayed()).isFalse();
        js.executeScript("show({model: {name: 'm', version: 'v'}, heads: {dl_bug: {label: 'Not a DL bug', confidence: 0.83,"
                + " threshold: 0.6, accepted: true, top: [{label: 'Not a DL bug', score: 0.83}, {label: 'DL bug', score: 0.17}]}},"
                + " similar: []}, {text: 'how do I install it?'})");
        assertThat(browser.findElement(By.id("not-dl-bug")).getText()).startsWith("Probably not a DL bug (83% confident)");
    }
}
