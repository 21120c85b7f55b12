"""A news page as a crawler fetches it: consent banner, menu, byline with the date, an inline ad, a newsletter
box, a share bar, related links, a caption and its credit, and the article's declarations in <head>."""

from __future__ import annotations

URL = "https://www.eastwire.example/world/2013/03/26/shoigu-hanoi-visit"
OUTLET = "Eastwire News"
HEADLINE = "Shoigu signs defence pact in Hanoi"

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Shoigu signs defence pact in Hanoi | Eastwire News</title>
<meta property="og:site_name" content="Eastwire News">
<meta property="og:title" content="Shoigu signs defence pact in Hanoi | Eastwire News">
<meta property="article:published_time" content="2013-03-26T09:15:00+04:00">
<meta property="article:modified_time" content="2013-03-26T18:40:00+04:00">
<meta name="author" content="Maria Kovalenko">
<link rel="canonical" href="https://www.eastwire.example/world/2013/03/26/shoigu-hanoi-visit">
<script>window.dataLayer = [{"page": "article"}]; function consent() { return "We use cookies"; }</script>
<style>.cookie-banner { position: fixed; bottom: 0; }</style>
</head>
<body>
<div class="cookie-banner" id="consent">
  <p>We use cookies to improve your experience on our site and to show you personalised advertising.</p>
  <button>OK</button>
</div>
<nav class="main-menu"><ul>
  <li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
  <li><a href="/opinion">Opinion</a></li><li><a href="/sport">Sport</a></li>
</ul></nav>
<main>
<article>
<h1>Shoigu signs defence pact in Hanoi</h1>
<div class="byline">By Maria Kovalenko | <time datetime="2013-03-26T09:15:00+04:00">March 26, 2013</time></div>
<div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
<figure><img src="shoigu.jpg" alt="">
<figcaption>Sergei Shoigu in Hanoi. Photo: Reuters/Kham</figcaption></figure>
<p>Russian Defence Minister Sergei Shoigu signed a military cooperation agreement with Vietnam on Monday,
the ministry said, during a three-day visit that began last week.</p>
<p>The agreement covers the training of Vietnamese officers and the repair of Russian-built ships, and
it will run for five years, according to a statement released by the Vietnamese government.</p>
<div class="ad-slot">
  <p>Sponsored: The best 10 credit cards of 2013</p>
  <a class="cta" href="https://ads.example/cards">Learn more</a>
</div>
<p>Shoigu told reporters in Hanoi that Russia would deliver two more submarines to Vietnam next year,
bringing the number ordered in 2009 to six.</p>
<div class="newsletter"><p>Sign up for our daily newsletter</p><form><input type="email"><button>Subscribe</button></form></div>
<p>The minister is expected to travel on to Singapore on Wednesday for talks with his counterpart there.</p>
</article>
<aside class="related"><h3>Most read</h3><ul>
  <li><a href="/a">Ten things to know about the ruble</a></li>
  <li><a href="/b">Moscow weather turns cold again this weekend</a></li>
</ul></aside>
</main>
<footer><p>&copy; 2013 Eastwire News. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body>
</html>
"""

# Text of the page that is not the article's and must never become a claim.
FURNITURE = ("We use cookies", "OK", "Home", "Business", "Opinion", "Sport", "Sponsored", "credit cards",
             "Learn more", "newsletter", "Subscribe", "Facebook", "Twitter", "Most read", "ruble",
             "rights reserved", "Privacy", "Photo", "By Maria Kovalenko")
