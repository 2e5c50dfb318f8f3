package org.moderato.filtering.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinksTest {

  @ParameterizedTest(name = "{0} has {1} links")
  @CsvSource(delimiter = '|', textBlock = """
      Plain words, e.g. about the U.S. economy.            | 0
      Read https://example.com/a?b=c now                   | 1
      www.example.org and http://x.io                      | 2
      buy at cheap-pills.com/now                           | 1
      visit kidsmediausa . com today                       | 1
      mysite dot com is great                              | 1
      The score was 3.5 and version 2.0.1                  | 0
      """)
  void countsLinksLikeAReaderWould(String text, int expected) {
    assertThat(Links.find(text)).hasSize(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      https://WWW.Example.com/path     | example.com
      kidsmediausa . com               | kidsmediausa.com
      www.shop.example.org:8080/x      | shop.example.org
      """)
  void findsTheHost(String link, String host) {
    assertThat(Links.host(link)).isEqualTo(host);
  }
}
